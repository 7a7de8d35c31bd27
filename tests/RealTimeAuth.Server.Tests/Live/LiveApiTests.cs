using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using RealTimeAuth.Protocol.Live;
using RealTimeAuth.Server.Live;
using RealTimeAuth.Testing;

namespace RealTimeAuth.Server.Tests.Live;

[Collection(InfrastructureCollection.Name)]
[Trait("Tier", "Functional")]
public sealed class LiveApiTests(InfrastructureFixture infrastructure)
{
    private static readonly string[] Scopes = ["documents:read"];

    [Fact]
    public async Task Events_WhenSessionIsRevoked_StreamsTheRevocationAndEnds()
    {
        await using var server = await LiveServer.StartAsync(infrastructure, "sse_revoke");
        var agent = await server.CreateSessionAsync(Scopes);
        var session = agent.Session;
        using var client = server.CreateHttpClient();

        using var response = await OpenEventsAsync(server, client, agent);
        using var events = new SseReader(await response.Content.ReadAsStreamAsync());
        var heartbeat = await events.NextAsync();
        var revoked = await server.RevokeAsync(session.Id, detail: "admin said so");
        var revocation = await events.NextOfTypeAsync("revocation");

        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("heartbeat", heartbeat?.Type);
        Assert.Equal("1", heartbeat?.Id);
        Assert.Equal(RtaRevocationReasons.SessionRevoked, revocation.Data.GetProperty("reason").GetString());
        Assert.Equal("admin said so", revocation.Data.GetProperty("detail").GetString());
        Assert.Equal(revoked.EventSequence, revocation.Data.GetProperty("event_sequence").GetInt64());
        Assert.Equal(revocation.Id, revocation.Data.GetProperty("sequence").GetUInt64().ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Null(await events.NextAsync());
    }

    [Fact]
    public async Task Events_WithLastEventId_ContinuesAfterIt()
    {
        await using var server = await LiveServer.StartAsync(infrastructure, "sse_resume");
        var agent = await server.CreateSessionAsync(Scopes);
        using var client = server.CreateHttpClient();

        using var response = await OpenEventsAsync(server, client, agent, lastEventId: "9");
        using var events = new SseReader(await response.Content.ReadAsStreamAsync());

        Assert.Equal("10", (await events.NextAsync())?.Id);
    }

    [Fact]
    public async Task Events_WithForgedToken_IsUnauthorized()
    {
        await using var server = await LiveServer.StartAsync(infrastructure, "sse_forged");
        var agent = await server.CreateSessionAsync(Scopes);
        using var client = server.CreateHttpClient();

        using var response = await OpenEventsAsync(server, client, agent, token: TestTokens.Forge(agent.Token));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("token-bad-signature", (await ProblemAsync(response)).GetProperty("reason").GetString());
    }

    [Fact]
    public async Task AuthorizeJson_InAndOutOfScope_AnswersDecision()
    {
        await using var server = await LiveServer.StartAsync(infrastructure, "json_decide");
        var agent = await server.CreateSessionAsync(Scopes);
        using var client = server.CreateHttpClient();

        using var allowed = await PostAuthorizeAsync(server, client, agent, """{"action":"read","resource":{"type":"documents","id":"7"}}""");
        using var denied = await PostAuthorizeAsync(server, client, agent, """{"action":"delete","resource":{"type":"documents","id":"7"},"context":{"ip":"10.0.0.1"}}""");
        var allowedBody = await allowed.Content.ReadFromJsonAsync<JsonElement>();
        var deniedBody = await denied.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.True(allowedBody.GetProperty("decision").GetBoolean());
        Assert.Equal("allowed", allowedBody.GetProperty("reason").GetString());
        Assert.Equal(string.Empty, allowedBody.GetProperty("policy_version").GetString());
        Assert.Equal(HttpStatusCode.OK, denied.StatusCode);
        Assert.False(deniedBody.GetProperty("decision").GetBoolean());
        Assert.Equal("scope-missing", deniedBody.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task AuthorizeJson_WithRefusedToken_Is401WithChallengeAndProblem()
    {
        await using var server = await LiveServer.StartAsync(infrastructure, "json_refused");
        var agent = await server.CreateSessionAsync(Scopes);
        await server.RevokeAsync(agent.Session.Id);
        using var client = server.CreateHttpClient();

        using var revoked = await PostAuthorizeAsync(server, client, agent, """{"action":"read","resource":{"type":"documents"}}""");
        using var missing = await PostAuthorizeAsync(server, client, agent, """{"action":"read","resource":{"type":"documents"}}""", withToken: false);

        Assert.Equal(HttpStatusCode.Unauthorized, revoked.StatusCode);
        Assert.Equal($"RTA error=\"invalid_token\", error_description=\"{RtaRevocationReasons.SessionRevoked}\"", revoked.Headers.WwwAuthenticate.ToString());
        Assert.Equal("application/problem+json", revoked.Content.Headers.ContentType?.MediaType);
        Assert.Equal(RtaRevocationReasons.SessionRevoked, (await ProblemAsync(revoked)).GetProperty("reason").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, missing.StatusCode);
        Assert.Equal("RTA", missing.Headers.WwwAuthenticate.ToString());
    }

    [Fact]
    public async Task AuthorizeJson_ForNamedSessionWithAnotherSessionsToken_Is401WrongSession()
    {
        await using var server = await LiveServer.StartAsync(infrastructure, "json_wrong_session");
        var mine = await server.CreateSessionAsync(Scopes);
        var other = await server.CreateSessionAsync(Scopes);
        using var client = server.CreateHttpClient();
        var path = $"/live/v1/sessions/{mine.Session.Id}/authorize";
        const string body = """{"action":"read","resource":{"type":"documents"}}""";

        using var own = await PostAuthorizeAsync(server, client, mine, body, path);
        using var foreign = await PostAuthorizeAsync(server, client, other, body, path);

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, foreign.StatusCode);
        Assert.Equal("token-wrong-session", (await ProblemAsync(foreign)).GetProperty("reason").GetString());
    }

    [Fact]
    public async Task AuthorizeJson_WithMalformedBody_Is400Problem()
    {
        await using var server = await LiveServer.StartAsync(infrastructure, "json_malformed");
        var agent = await server.CreateSessionAsync(Scopes);
        using var client = server.CreateHttpClient();

        using var malformed = await PostAuthorizeAsync(server, client, agent, """{"action":"read","resource":""");
        using var incomplete = await PostAuthorizeAsync(server, client, agent, """{"resource":{"type":"documents"}}""");

        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal("application/problem+json", malformed.Content.Headers.ContentType?.MediaType);
        Assert.Equal("request-malformed", (await ProblemAsync(malformed)).GetProperty("reason").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, incomplete.StatusCode);
        Assert.Equal("request-incomplete", (await ProblemAsync(incomplete)).GetProperty("reason").GetString());
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>().WaitAsync(LiveServer.Timeout);

    private static Task<HttpResponseMessage> OpenEventsAsync(
        LiveServer server, HttpClient client, TestAgentSession agent, string? lastEventId = null, string? token = null) =>
        LiveHttp.OpenEventsAsync(server, client, agent, token: token, lastEventId: lastEventId);

    private static Task<HttpResponseMessage> PostAuthorizeAsync(
        LiveServer server, HttpClient client, TestAgentSession agent, string json, string path = LiveApi.AuthorizePath, bool withToken = true) =>
        LiveHttp.PostAuthorizeAsync(server, client, agent, json, path, withToken: withToken);
}
