using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CsCheck;
using RealTimeAuth.Fuzz.Tests.AuthZen;
using RealTimeAuth.Fuzz.Tests.Exchange;
using RealTimeAuth.Fuzz.Tests.Running;
using RealTimeAuth.Protocol.Binding;
using RealTimeAuth.Server.AuthZen;
using RealTimeAuth.Server.Exchange;
using RealTimeAuth.Testing;
using RealTimeAuth.Testing.Hosting;
using Xunit.Abstractions;

namespace RealTimeAuth.Fuzz.Tests.Http;

/// <summary>
/// The same generated and mutated AuthZEN and exchange bodies over HTTP to a real server: every answer is a 2xx or
/// 4xx, never a server error. The pure targets run the counts; this pass proves the endpoints around them agree.
/// </summary>
[Collection(InfrastructureCollection.Name)]
[Trait("Tier", "Functional")]
public sealed class HttpFuzzTests(FuzzServerFixture fixture, ITestOutputHelper output) : IClassFixture<FuzzServerFixture>
{
    private static readonly string[] FormTypes = ["application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "text/plain", "application/json"];

    [Fact]
    public void AuthZenEndpoints_GeneratedAndMutatedBodies_NeverServerError()
    {
        using var http = fixture.Server.CreateHttpClient();
        http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", FuzzServerFixture.ApiKey);
        FuzzTarget.Run("authzen-http", AuthZenFuzzTests.Inputs(new AuthZenCorpus()), input =>
        {
            using var content = new ByteArrayContent(input.Body);
            content.Headers.TryAddWithoutValidation("Content-Type", input.ContentType);
            AssertNoServerError(Post(http, PathOf(input.Endpoint), content, []));
        }, FuzzSettings.Iterations(quick: 800, full: 20_000), AuthZenFuzzTests.Print, output.WriteLine, FuzzSettings.HttpCaseLimit);
    }

    [Fact]
    public void TokenEndpoint_MutatedFormsAndProofs_NeverServerError()
    {
        using var corpus = new ExchangeCorpus();
        using var http = fixture.Server.CreateHttpClient();
        var endpoint = ExchangeRequests.TokenEndpoint(http);
        var basic = ExchangeRequests.Basic(ServerCluster.CopilotClientId, fixture.Cluster.CopilotSecret);
        var forms = corpus.Forms;
        var gen = Gen.Select(Gen.Int[0, forms.Length - 1], Edit.Gen.Array[0, 3], Gen.Int[0, 9], Edit.Gen.Array[0, 3], static (form, formEdits, type, proofEdits) => (form, formEdits, type, proofEdits));
        FuzzTarget.Run("exchange-http", gen, input =>
        {
            var body = Mutator.Apply(forms[input.form], forms[(input.form + 1) % forms.Length], input.formEdits);
            using var key = ProofKey.Create();
            var proof = key.ProvePost(endpoint);
            using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            content.Headers.TryAddWithoutValidation("Content-Type", FormTypes[input.type < 7 ? 0 : input.type - 6]);
            AssertNoServerError(Post(http, endpoint.AbsolutePath.TrimStart('/'), content,
                [new(RtaBindingNames.ProofHeader, HeaderText(Mutator.Apply(proof, proof, input.proofEdits)))], basic));
        }, FuzzSettings.Iterations(quick: 500, full: 10_000), static input =>
            $"form #{input.form} edits [{string.Join(", ", input.formEdits)}], content type #{input.type}, proof edits [{string.Join(", ", input.proofEdits)}]",
            output.WriteLine, FuzzSettings.HttpCaseLimit);
    }

    [Fact]
    public async Task TokenEndpoint_MultipartBodyWithoutItsClosingBoundary_Is400FormRequired()
    {
        using var http = fixture.Server.CreateHttpClient();
        using var content = new StringContent("--x\r\nContent-Disposition: form-data; name=\"grant_type\"\r\n\r\nurn");
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=x");
        using var key = ProofKey.Create();

        var outcome = await ExchangeRequests.SendAsync(http, content, ExchangeRequests.Basic(ServerCluster.CopilotClientId, fixture.Cluster.CopilotSecret),
            [new(RtaBindingNames.ProofHeader, key.ProvePost(ExchangeRequests.TokenEndpoint(http)))], CancellationToken.None);

        Assert.Equal(HttpStatusCode.BadRequest, outcome.Status);
        Assert.Equal("invalid_request", outcome.Error);
        Assert.StartsWith(ExchangeRejectionReasons.FormRequired, outcome.ErrorDescription, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuthZenEvaluation_StringThatIsNotUtf8_Is400InvalidUnicode()
    {
        using var http = fixture.Server.CreateHttpClient();
        http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", FuzzServerFixture.ApiKey);
        using var content = new ByteArrayContent([.. "{\"subject\":{\"type\":\"user\",\"id\":\"ri"u8, 0xE0, 0xE1, .. "ck\"},\"action\":{\"name\":\"r\"},\"resource\":{\"type\":\"t\",\"id\":\"1\"}}"u8]);
        content.Headers.ContentType = MediaTypeHeaderValue.Parse("application/json");

        using var response = await http.PostAsync("access/v1/evaluation", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal(AuthZenBody.InvalidUnicode, problem.RootElement.GetProperty("reason").GetString());
    }

    // HttpClient refuses to send control or non-ASCII characters in a header; the pure target covers those.
    private static string HeaderText(string value) => string.Concat(value.Select(static c => c is >= ' ' and <= '~' ? c : '?'));

    private static string PathOf(AuthZenEndpoint endpoint) => endpoint switch
    {
        AuthZenEndpoint.Evaluation => "access/v1/evaluation",
        AuthZenEndpoint.Evaluations => "access/v1/evaluations",
        AuthZenEndpoint.SearchSubject => "access/v1/search/subject",
        AuthZenEndpoint.SearchResource => "access/v1/search/resource",
        _ => "access/v1/search/action",
    };

    private static HttpStatusCode Post(HttpClient http, string path, HttpContent content, KeyValuePair<string, string>[] headers, AuthenticationHeaderValue? basic = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        request.Headers.Authorization = basic;
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        using var response = http.SendAsync(request).GetAwaiter().GetResult();
        return response.StatusCode;
    }

    private static void AssertNoServerError(HttpStatusCode status) => Assert.True((int)status < 500, $"HTTP {(int)status}");
}
