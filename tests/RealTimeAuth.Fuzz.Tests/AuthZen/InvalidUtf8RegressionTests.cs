using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using RealTimeAuth.Server.AuthZen;
using RealTimeAuth.Server.Data;

namespace RealTimeAuth.Fuzz.Tests.AuthZen;

/// <summary>
/// Found by the AuthZEN target (seed 8e1a9fpTTPi6): bytes that are not UTF-8 inside a JSON string pass the parser, and
/// reading the string threw <see cref="InvalidOperationException"/>, a 500. They are now refused as <c>invalid-unicode</c>.
/// </summary>
public sealed class InvalidUtf8RegressionTests
{
    /// <summary>The shrunk input: a search whose resource property holds the bytes E0..ED, each a lead byte without its continuation.</summary>
    private const string FoundHex =
        "7B227375626A656374223A7B2274797065223A2275736572222C226964223A224369526D5A4445324D54526B4D79316A4D7A6C684C5451334F444574596A64695A433034596A6B325A6A56684E5445774D4751534257787659324673227D2C22616374696F6E223A7B226E616D65223A2263616E5F64656C6574655F746F646F227D2C227265736F75726365223A7B2274797065223A22746F646F222C226964223A2237323430643064622D386666302D343165632D393862322D333461303936323733623932222C2270726F70657274696573223A7B226F776E65724944223A227269E0E1E2E3E4E5E6E7E8E9EAEBECED636B407468652D6369746164656C2E636F6D227D7D7D";

    public static TheoryData<byte[]> Bodies => new()
    {
        Convert.FromHexString(FoundHex),
        Body("{\"subject\":{\"type\":\"user\",\"id\":\"a\"},\"action\":{\"name\":\"r\"},\"resource\":{\"type\":\"t\",\"id\":\"", [0xC3], "\"}}"),
        Body("{\"subject\":{\"type\":\"user\",\"id\":\"a\",\"properties\":{\"", [0xFF, 0xFE], "\":\"x\"}},\"action\":{\"name\":\"r\"},\"resource\":{\"type\":\"t\",\"id\":\"1\"}}"),
        Body("{\"subject\":{\"type\":\"user\",\"id\":\"a\"},\"action\":{\"name\":\"r\"},\"resource\":{\"type\":\"t\",\"id\":\"1\"},\"context\":{\"k\":\"", [0xED, 0xA0, 0x80], "\"}}"),
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task EveryEndpoint_StringThatIsNotUtf8_Is400InvalidUnicode(byte[] body)
    {
        var corpus = new AuthZenCorpus();
        foreach (var call in new Func<HttpRequest, Task<IResult>>[]
        {
            async request => (await AuthZenApi.EvaluateAsync(request, corpus.Evaluator, CancellationToken.None)).Result,
            async request => (await AuthZenApi.EvaluateManyAsync(request, corpus.Evaluator, corpus.Options, CancellationToken.None)).Result,
            async request => (await AuthZenSearch.SubjectsAsync(request, corpus.Evaluator, corpus.Tokens, CancellationToken.None)).Result,
            async request => (await AuthZenSearch.ResourcesAsync(request, corpus.Evaluator, corpus.Tokens, CancellationToken.None)).Result,
            async request => (await AuthZenSearch.ActionsAsync(request, corpus.Evaluator, corpus.Tokens, CancellationToken.None)).Result,
        })
        {
            var context = new DefaultHttpContext();
            context.Request.ContentType = "application/json";
            context.Request.Body = new MemoryStream(body);

            var problem = Assert.IsType<ProblemHttpResult>(await call(context.Request));

            Assert.Equal(400, problem.StatusCode);
            Assert.Equal(AuthZenBody.InvalidUnicode, problem.ProblemDetails.Extensions["reason"]);
        }
    }

    [Fact]
    public void JsonText_ValidUtf8WithoutEscapes_IsValidAndNotUtf8IsNot()
    {
        using var valid = System.Text.Json.JsonDocument.Parse("{\"a\":\"caf\u00e9 \ud83d\ude00\"}");
        using var invalid = System.Text.Json.JsonDocument.Parse(Body("{\"a\":\"", [0xC3, 0x28], "\"}"));

        Assert.True(JsonText.IsValidUnicode(valid.RootElement));
        Assert.False(JsonText.IsValidUnicode(invalid.RootElement));
    }

    private static byte[] Body(string before, byte[] raw, string after) => [.. Encoding.ASCII.GetBytes(before), .. raw, .. Encoding.ASCII.GetBytes(after)];
}
