using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
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
        var (session, token) = await server.CreateSessionAsync(Scopes);
        using var client = server.CreateHttpClient();

        using var response = await OpenEventsAsync(client, token);
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
        var (_, token) = await server.CreateSessionAsync(Scopes);
        using var client = server.CreateHttpClient();

        using var response = await OpenEventsAsync(client, token, lastEventId: "9");
        using var events = new SseReader(await response.Content.ReadAsStreamAsync());

        Assert.Equal("10", (await events.NextAsync())?.Id);
    }

    [Fact]
    public async Task Events_WithForgedToken_IsUnauthorized()
    {
        await using var server = await LiveServer.StartAsync(infrastructure, "sse_forged");
        var (_, token) = await server.CreateSessionAsync(Scopes);
        using var client = server.CreateHttpClient();

        using var response = await OpenEventsAsync(client, TestTokens.Forge(token));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("token-bad-signature", (await ProblemAsync(response)).GetProperty("reason").GetString());
    }

    [Fact]
    public async Task AuthorizeJson_InAndOutOfScope_AnswersDecision()
    {
        await using var server = await LiveServer.StartAsync(infrastructure, "json_decide");
        var (_, token) = await server.CreateSessionAsync(Scopes);
        using var client = server.CreateHttpClient();

        using var allowed = await PostAuthorizeAsync(client, token, """{"action":"read","resource":{"type":"documents","id":"7"}}""");
        using var denied = await PostAuthorizeAsync(client, token, """{"action":"delete","resource":{"type":"documents","id":"7"},"context":{"ip":"10.0.0.1"}}""");
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
        var (session, token) = await server.CreateSessionAsync(Scopes);
        await server.RevokeAsync(session.Id);
        using var client = server.CreateHttpClient();

        using var revoked = await PostAuthorizeAsync(client, token, """{"action":"read","resource":{"type":"documents"}}""");
        using var missing = await PostAuthorizeAsync(client, token: null, """{"action":"read","resource":{"type":"documents"}}""");

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
        var (mine, myToken) = await server.CreateSessionAsync(Scopes);
        var (_, otherToken) = await server.CreateSessionAsync(Scopes);
        using var client = server.CreateHttpClient();
        var path = $"/live/v1/sessions/{mine.Id}/authorize";
        const string body = """{"action":"read","resource":{"type":"documents"}}""";

        using var own = await PostAuthorizeAsync(client, myToken, body, path);
        using var foreign = await PostAuthorizeAsync(client, otherToken, body, path);

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, foreign.StatusCode);
        Assert.Equal("token-wrong-session", (await ProblemAsync(foreign)).GetProperty("reason").GetString());
    }

    [Fact]
    public async Task AuthorizeJson_WithMalformedBody_Is400Problem()
    {
        await using var server = await LiveServer.StartAsync(infrastructure, "json_malformed");
        var (_, token) = await server.CreateSessionAsync(Scopes);
        using var client = server.CreateHttpClient();

        using var malformed = await PostAuthorizeAsync(client, token, """{"action":"read","resource":""");
        using var incomplete = await PostAuthorizeAsync(client, token, """{"resource":{"type":"documents"}}""");

        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal("application/problem+json", malformed.Content.Headers.ContentType?.MediaType);
        Assert.Equal("request-malformed", (await ProblemAsync(malformed)).GetProperty("reason").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, incomplete.StatusCode);
        Assert.Equal("request-incomplete", (await ProblemAsync(incomplete)).GetProperty("reason").GetString());
    }

    private static async Task<HttpResponseMessage> OpenEventsAsync(HttpClient client, string token, string? lastEventId = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, LiveApi.EventsPath);
        request.Headers.Authorization = new AuthenticationHeaderValue("RTA", token);
        if (lastEventId is not null)
        {
            request.Headers.Add("Last-Event-ID", lastEventId);
        }

        return await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead).WaitAsync(LiveServer.Timeout);
    }

    private static async Task<HttpResponseMessage> PostAuthorizeAsync(HttpClient client, string? token, string json, string path = LiveApi.AuthorizePath)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        };
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("RTA", token);
        }

        return await client.SendAsync(request).WaitAsync(LiveServer.Timeout);
    }

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response) =>
        await response.Content.ReadFromJsonAsync<JsonElement>().WaitAsync(LiveServer.Timeout);
}
