using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Grpc.Core;
using RealTimeAuth.Protocol.Grpc;
using RealTimeAuth.Server.Auth;
using RealTimeAuth.Server.Limits;
using RealTimeAuth.Server.Tests.Admin.Monitoring;
using RealTimeAuth.Server.Tests.AuthZen;
using RealTimeAuth.Server.Tests.Infrastructure;
using RealTimeAuth.Server.Tests.Live;
using RealTimeAuth.Testing;

namespace RealTimeAuth.Server.Tests.Security.Limits;

/// <summary>
/// A caller floods each limited endpoint family of a real Kestrel server past a small configured burst (refilled once an
/// hour, so the test cannot race the refill): the next request is 429 with <c>Retry-After</c> and <c>rate-limited</c>
/// in the endpoint's own error shape, and a header the caller sets does not buy a fresh bucket.
/// </summary>
[Collection(InfrastructureCollection.Name)]
[Trait("Tier", "Functional")]
public sealed class RateLimitTests(InfrastructureFixture infrastructure)
{
    private const int Burst = 3;

    [Fact]
    public async Task AuthZen_PastTheBurst_Is429ProblemWithRetryAfterAndCounted()
    {
        await using var server = await StartAsync("limits_rate_authzen", "AuthZen", AuthZenServer.Settings(PolicyFiles.TodoPolicy));
        using var rejections = new CounterTotal(server.Service<RequestLimitMetrics>().Rejections);
        using var client = AuthZenServer.Pep(server);

        var answers = await SendAsync(Burst, () => AuthZenServer.PostAsync(client, "/access/v1/evaluation", Evaluation));
        using var refused = await AuthZenServer.PostAsync(client, "/access/v1/evaluation", Evaluation);

        Assert.All(answers, status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Equal(RequestLimitReasons.RateLimited, await LimitProblems.ProblemReasonAsync(refused, HttpStatusCode.TooManyRequests));
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, "429 without a positive Retry-After.");
        Assert.Equal(1, rejections.Value);
    }

    [Fact]
    public async Task AuthZen_SpoofedForwardedFor_DoesNotBuyAFreshBucket()
    {
        await using var server = await StartAsync("limits_rate_spoof", "AuthZen", AuthZenServer.Settings(PolicyFiles.TodoPolicy));
        using var client = AuthZenServer.Pep(server);
        await SendAsync(Burst, () => AuthZenServer.PostAsync(client, "/access/v1/evaluation", Evaluation));

        using var request = new HttpRequestMessage(HttpMethod.Post, "/access/v1/evaluation") { Content = AuthZenServer.Json(Evaluation) };
        request.Headers.Add("X-Forwarded-For", "203.0.113.7");
        request.Headers.Add("X-Real-IP", "203.0.113.8");
        using var spoofed = await client.SendAsync(request).WaitAsync(LiveServer.Timeout);

        Assert.Equal(RequestLimitReasons.RateLimited, await LimitProblems.ProblemReasonAsync(spoofed, HttpStatusCode.TooManyRequests));
    }

    [Fact]
    public async Task TokenEndpoint_PastTheBurst_Is429OAuthTemporarilyUnavailable()
    {
        await using var server = await StartAsync("limits_rate_token", "Token");
        using var client = server.CreateHttpClient();

        var answers = await SendAsync(Burst, () => client.PostAsync("/oauth/token", Form()));
        using var refused = await client.PostAsync("/oauth/token", Form()).WaitAsync(LiveServer.Timeout);

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, answers);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
        var body = await LimitProblems.JsonAsync(refused);
        Assert.Equal("temporarily_unavailable", LimitProblems.Text(body, "error"));
        Assert.StartsWith(RequestLimitReasons.RateLimited + ":", LimitProblems.Text(body, "error_description"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task LiveHttpAuthorize_PastTheBurst_Is429Problem()
    {
        await using var server = await StartAsync("limits_rate_live_http", "Live");
        var agent = await server.CreateSessionAsync(["documents:read"]);
        using var client = server.CreateHttpClient();

        var answers = await SendAsync(Burst, () => LiveHttp.PostAuthorizeAsync(server, client, agent));
        using var refused = await LiveHttp.PostAuthorizeAsync(server, client, agent);

        Assert.All(answers, status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.Equal(RequestLimitReasons.RateLimited, await LimitProblems.ProblemReasonAsync(refused, HttpStatusCode.TooManyRequests));
        Assert.NotNull(refused.Headers.RetryAfter);
    }

    [Fact]
    public async Task LiveGrpcAuthorize_PastTheBurst_IsResourceExhaustedRateLimited()
    {
        await using var server = await StartAsync("limits_rate_live_grpc", "Live");
        var agent = await server.CreateSessionAsync(["documents:read"]);
        var request = new AuthorizeRequest { Action = "read", Resource = new Resource { Type = "documents", Id = "7" } };
        Task<AuthorizeResponse> AuthorizeAsync() =>
            server.Client.AuthorizeAsync(request, agent.GrpcHeaders(server.AuthorizeRpcUri), deadline: DateTime.UtcNow + LiveServer.Timeout).ResponseAsync;

        for (var i = 0; i < Burst; i++)
        {
            Assert.True((await AuthorizeAsync()).Decision);
        }

        var refusal = await Assert.ThrowsAsync<RpcException>(AuthorizeAsync);

        Assert.Equal(StatusCode.ResourceExhausted, refusal.StatusCode);
        Assert.Equal(RequestLimitReasons.RateLimited, LiveStreams.Reason(refusal) ?? refusal.Status.Detail);
    }

    [Fact]
    public async Task SetPush_PastTheBurst_Is429Rfc8935Shape()
    {
        await using var server = await StartAsync("limits_rate_ssf", "Ssf");
        using var client = server.CreateHttpClient();

        var answers = await SendAsync(Burst, () => client.PostAsync("/ssf/events", Set()));
        using var refused = await client.PostAsync("/ssf/events", Set()).WaitAsync(LiveServer.Timeout);

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, answers);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.NotNull(refused.Headers.RetryAfter);
        var body = await LimitProblems.JsonAsync(refused);
        Assert.StartsWith(RequestLimitReasons.RateLimited + ":", LimitProblems.Text(body, "description"), StringComparison.Ordinal);
        Assert.NotNull(LimitProblems.Text(body, "err"));
    }

    [Fact]
    public async Task AdminWrites_PastOneAdminsBurst_Is429ForThatAdminOnly()
    {
        var tokens = new AdminTokens();
        await using var server = await StartAsync("limits_rate_admin", "AdminWrites", configure: tokens.Configure);
        using var client = server.CreateHttpClient();
        Task<HttpResponseMessage> RevokeAsync(string admin)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, $"/admin/v1/sessions/{Guid.NewGuid()}/revoke")
            {
                Content = new StringContent("""{"reason":"test"}""", Encoding.UTF8, "application/json"),
            };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens.CreateFor(admin, AdminPolicies.AdminRole));
            return client.SendAsync(request);
        }

        var answers = await SendAsync(Burst, () => RevokeAsync("admin-one"));
        using var refused = await RevokeAsync("admin-one").WaitAsync(LiveServer.Timeout);
        using var other = await RevokeAsync("admin-two").WaitAsync(LiveServer.Timeout);

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, answers);
        Assert.DoesNotContain(HttpStatusCode.Unauthorized, answers);
        Assert.Equal(RequestLimitReasons.RateLimited, await LimitProblems.ProblemReasonAsync(refused, HttpStatusCode.TooManyRequests));
        Assert.NotEqual(HttpStatusCode.TooManyRequests, other.StatusCode);
    }

    private const string Evaluation = """
        {"subject":{"type":"user","id":"alice"},"action":{"name":"can_read_todos"},"resource":{"type":"todo","id":"1"}}
        """;

    private static FormUrlEncodedContent Form() => new([KeyValuePair.Create("grant_type", "client_credentials")]);

    private static StringContent Set() => new("e30.e30.c2ln", Encoding.ASCII, "application/secevent+jwt");

    private Task<LiveServer> StartAsync(
        string name, string family, Dictionary<string, string>? settings = null, Action<Microsoft.AspNetCore.Hosting.IWebHostBuilder>? configure = null)
    {
        var all = new Dictionary<string, string>(settings ?? [])
        {
            [$"RateLimits:{family}:Burst"] = Burst.ToString(System.Globalization.CultureInfo.InvariantCulture),
            [$"RateLimits:{family}:TokensPerPeriod"] = "1",
            [$"RateLimits:{family}:Period"] = "01:00:00",
        };
        return LiveServer.StartOnKestrelAsync(infrastructure, name, all, configure);
    }

    private static async Task<List<HttpStatusCode>> SendAsync(int count, Func<Task<HttpResponseMessage>> send)
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < count; i++)
        {
            using var response = await send().WaitAsync(LiveServer.Timeout);
            statuses.Add(response.StatusCode);
        }

        return statuses;
    }
}
