using System.Net;
using System.Text.Json;
using RealTimeAuth.Server.Tests.AuthZen;
using RealTimeAuth.Testing;

namespace RealTimeAuth.Server.Tests.Security.Unicode;

/// <summary>
/// JSON escapes can spell a lone UTF-16 surrogate (<c>\ud800</c>), which no .NET string API can turn into text:
/// <c>JsonElement.GetString</c> throws <see cref="InvalidOperationException"/>, not a JSON error. Every AuthZEN
/// endpoint refuses such a body with a 400 ProblemDetails and the stable reason, wherever in the body the escape is.
/// </summary>
[Collection(InfrastructureCollection.Name)]
[Trait("Tier", "Functional")]
public sealed class InvalidUnicodeTests(InfrastructureFixture infrastructure)
{
    private const string Jerry = "CiRmZDQ2MTRkMy1jMzlhLTQ3ODEtYjdiZC04Yjk2ZjVhNTEwMGQSBWxvY2Fs";

    public static TheoryData<string, string> Bodies => new()
    {
        { "/access/v1/evaluation", """{"subject":{"type":"user","id":"x\ud800"},"action":{"name":"can_read_todos"},"resource":{"type":"todo","id":"1"}}""" },
        { "/access/v1/evaluation", """{"subject":{"type":"user","id":"JERRY"},"action":{"name":"can_read_todos\udfff"},"resource":{"type":"todo","id":"1"}}""" },
        { "/access/v1/evaluation", """{"subject":{"type":"user","id":"JERRY"},"action":{"name":"can_read_todos"},"resource":{"type":"todo","id":"1"},"context":{"ip":"\ud83d"}}""" },
        { "/access/v1/evaluation", """{"subject":{"type":"user","id":"JERRY","properties":{"\udc00":"a"}},"action":{"name":"can_read_todos"},"resource":{"type":"todo","id":"1"}}""" },
        { "/access/v1/evaluation", """{"subject":{"type":"user","id":"JERRY"},"action":{"name":"can_read_todos"},"resource":{"type":"todo","id":"1","properties":{"tags":["ok","\ud800"]}}}""" },
        { "/access/v1/evaluations", """{"subject":{"type":"user","id":"JERRY"},"evaluations":[{"action":{"name":"can_read_todos"},"resource":{"type":"todo","id":"\ud800"}}]}""" },
        { "/access/v1/search/resource", """{"subject":{"type":"user","id":"JERRY"},"action":{"name":"can_read_todos"},"resource":{"type":"todo\ud800"}}""" },
        { "/access/v1/search/subject", """{"subject":{"type":"user"},"action":{"name":"can_read_todos"},"resource":{"type":"todo","id":"1"},"page":{"token":"\ud800"}}""" },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task LoneSurrogate_AnywhereInTheBody_Is400WithReason(string path, string body)
    {
        await using var server = await AuthZenServer.StartAsync(infrastructure, "authzen_unicode");
        using var client = AuthZenServer.Pep(server);

        using var response = await AuthZenServer.PostAsync(client, path, body.Replace("JERRY", Jerry, StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("invalid-unicode", problem.RootElement.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task ValidSurrogatePair_IsAccepted()
    {
        await using var server = await AuthZenServer.StartAsync(infrastructure, "authzen_unicode_ok");
        using var client = AuthZenServer.Pep(server);

        using var response = await AuthZenServer.PostAsync(client, "/access/v1/evaluation",
            """{"subject":{"type":"user","id":"JERRY"},"action":{"name":"can_read_todos"},"resource":{"type":"todo","id":"\ud83d\ude00"}}""".Replace("JERRY", Jerry, StringComparison.Ordinal));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
