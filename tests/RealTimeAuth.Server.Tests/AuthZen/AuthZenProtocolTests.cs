using System.Net;
using System.Text.Json.Nodes;
using RealTimeAuth.Testing;

namespace RealTimeAuth.Server.Tests.AuthZen;

/// <summary>The AuthZEN API's HTTP contract: authentication, validation, request ids, unknown and null members.</summary>
[Collection(InfrastructureCollection.Name)]
[Trait("Tier", "Functional")]
public sealed class AuthZenProtocolTests(InfrastructureFixture infrastructure)
{
    private const string Rick = "CiRmZDA2MTRkMy1jMzlhLTQ3ODEtYjdiZC04Yjk2ZjVhNTEwMGQSBWxvY2Fs";
    private const string Jerry = "CiRmZDQ2MTRkMy1jMzlhLTQ3ODEtYjdiZC04Yjk2ZjVhNTEwMGQSBWxvY2Fs";

    private static readonly string JerryDeletes = Request(Jerry, "can_delete_todo");

    [Fact]
    public async Task Evaluation_WithoutOrWithWrongKey_Is401WithWwwAuthenticate()
    {
        await using var server = await AuthZenServer.StartAsync(infrastructure, "authzen_401");
        using var anonymous = server.CreateHttpClient();
        using var wrong = server.CreateHttpClient();
        wrong.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "Bearer not-the-key");
        using var bearer = server.CreateHttpClient();
        bearer.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "Bearer " + AuthZenServer.ApiKey);

        using var missing = await AuthZenServer.PostAsync(anonymous, "/access/v1/evaluation", JerryDeletes);
        using var refused = await AuthZenServer.PostAsync(wrong, "/access/v1/evaluation", JerryDeletes);
        using var accepted = await AuthZenServer.PostAsync(bearer, "/access/v1/evaluation", JerryDeletes);

        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.StartsWith("Bearer", missing.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Contains("invalid_token", refused.Headers.WwwAuthenticate.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
    }

    [Theory]
    [InlineData("{not json", "application/json")]
    [InlineData("[]", "application/json")]
    [InlineData("""{"subject":{"type":"user","id":"x"},"action":{"name":"can_read_todos"},"resource":{"type":"todo","id":"1"}}""", "text/plain")]
    [InlineData("""{"subject":{"type":"user"},"action":{"name":"can_read_todos"},"resource":{"type":"todo","id":"1"}}""", "application/json")]
    [InlineData("""{"subject":{"id":"x"},"action":{"name":"can_read_todos"},"resource":{"type":"todo","id":"1"}}""", "application/json")]
    [InlineData("""{"subject":{"type":"user","id":"x"},"action":{},"resource":{"type":"todo","id":"1"}}""", "application/json")]
    [InlineData("""{"subject":{"type":"user","id":"x"},"action":{"name":"can_read_todos"},"resource":{"type":"todo"}}""", "application/json")]
    [InlineData("""{"subject":{"type":"user","id":"x"},"action":{"name":"can_read_todos"},"resource":{"id":"1"}}""", "application/json")]
    [InlineData("""{"subject":"user","action":{"name":"can_read_todos"},"resource":{"type":"todo","id":"1"}}""", "application/json")]
    public async Task Evaluation_MalformedOrIncomplete_Is400ProblemDetails(string body, string contentType)
    {
        await using var server = await AuthZenServer.StartAsync(infrastructure, "authzen_400");
        using var client = AuthZenServer.Pep(server);

        using var response = await client.PostAsync("/access/v1/evaluation", new StringContent(body, System.Text.Encoding.UTF8, contentType));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Evaluation_DenyWithRequestIdAndUnknownMembers_Is200FalseEchoingIdWithoutNulls()
    {
        await using var server = await AuthZenServer.StartAsync(infrastructure, "authzen_deny");
        using var client = AuthZenServer.Pep(server);
        var body = """
            {"subject":{"type":"user","id":"JERRY","extra":1},"action":{"name":"can_delete_todo","x":[]},
             "resource":{"type":"todo","id":"1","properties":{"ownerID":"jerry@the-smiths.com"}},"future_member":{"a":null}}
            """.Replace("JERRY", Jerry, StringComparison.Ordinal);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/access/v1/evaluation") { Content = AuthZenServer.Json(body) };
        request.Headers.Add("X-Request-ID", "req-42");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("req-42", Assert.Single(response.Headers.GetValues("X-Request-ID")));
        Assert.Equal("""{"decision":false}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Evaluations_Semantics_StopWhereAsked()
    {
        await using var server = await AuthZenServer.StartAsync(infrastructure, "authzen_semantics");
        using var client = AuthZenServer.Pep(server);

        var all = await BatchAsync(client, null);
        var denyFirst = await BatchAsync(client, "deny_on_first_deny");
        var permitFirst = await BatchAsync(client, "permit_on_first_permit");
        using var unknown = await AuthZenServer.PostAsync(client, "/access/v1/evaluations", Batch("sometimes"));

        Assert.Equal("""{"evaluations":[{"decision":true},{"decision":false},{"decision":true}]}""", all);
        Assert.Equal("""{"evaluations":[{"decision":true},{"decision":false}]}""", denyFirst);
        Assert.Equal("""{"evaluations":[{"decision":true}]}""", permitFirst);
        Assert.Equal(HttpStatusCode.BadRequest, unknown.StatusCode);
    }

    [Fact]
    public async Task Evaluations_WithoutItems_AnswersAsSingleEvaluation()
    {
        await using var server = await AuthZenServer.StartAsync(infrastructure, "authzen_batch_single");
        using var client = AuthZenServer.Pep(server);

        using var response = await AuthZenServer.PostAsync(client, "/access/v1/evaluations", Request(Rick, "can_delete_todo"));

        Assert.Equal("""{"decision":true}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Configuration_ListsTheEndpoints()
    {
        await using var server = await AuthZenServer.StartAsync(infrastructure, "authzen_metadata");
        using var client = server.CreateHttpClient();

        var metadata = JsonNode.Parse(await client.GetStringAsync("/.well-known/authzen-configuration"))!;

        var pdp = metadata["policy_decision_point"]!.GetValue<string>();
        Assert.Equal(pdp + "/access/v1/evaluation", metadata["access_evaluation_endpoint"]!.GetValue<string>());
        Assert.Equal(pdp + "/access/v1/evaluations", metadata["access_evaluations_endpoint"]!.GetValue<string>());
        Assert.Equal(pdp + "/access/v1/search/subject", metadata["search_subject_endpoint"]!.GetValue<string>());
        Assert.Equal(pdp + "/access/v1/search/resource", metadata["search_resource_endpoint"]!.GetValue<string>());
        Assert.Equal(pdp + "/access/v1/search/action", metadata["search_action_endpoint"]!.GetValue<string>());
    }

    internal static string Request(string subject, string action) =>
        "{\"subject\":{\"type\":\"user\",\"id\":\"" + subject + "\"},\"action\":{\"name\":\"" + action
        + "\"},\"resource\":{\"type\":\"todo\",\"id\":\"todo-1\"}}";

    private static string Batch(string? semantic) =>
        "{\"subject\":{\"type\":\"user\",\"id\":\"" + Jerry + "\"},\"resource\":{\"type\":\"todo\",\"id\":\"todo-1\"},"
        + (semantic is null ? string.Empty : "\"options\":{\"evaluations_semantic\":\"" + semantic + "\"},")
        + """
          "evaluations":[{"action":{"name":"can_read_todos"}},{"action":{"name":"can_delete_todo"}},{"action":{"name":"can_read_user"},"resource":{"type":"user","id":"u"}}]}
          """;

    private static async Task<string> BatchAsync(HttpClient client, string? semantic)
    {
        using var response = await AuthZenServer.PostAsync(client, "/access/v1/evaluations", Batch(semantic));
        return await response.Content.ReadAsStringAsync();
    }
}
