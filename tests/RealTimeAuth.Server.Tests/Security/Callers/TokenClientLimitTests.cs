using System.Net;
using RealTimeAuth.Protocol.Exchange;
using RealTimeAuth.Server.Limits;
using RealTimeAuth.Server.Tests.Infrastructure;
using RealTimeAuth.Server.Tests.Live;
using RealTimeAuth.Server.Tests.Security.Limits;
using RealTimeAuth.Testing;

namespace RealTimeAuth.Server.Tests.Security.Callers;

/// <summary>
/// <c>POST /oauth/token</c> is limited per authenticated exchange client: a client that spreads its exchanges over two
/// addresses still meets its own limit (the per-address limit is far away), another client does not, and a caller who
/// names the client with a wrong secret cannot spend the client's budget.
/// </summary>
[Collection(InfrastructureCollection.Name)]
[Trait("Tier", "Functional")]
public sealed class TokenClientLimitTests(InfrastructureFixture infrastructure)
{
    private const int Burst = CallerLimitServer.Burst;

    [Fact]
    public async Task Token_OneClientFromTwoAddresses_Is429ClientRateLimitedInOAuthShape()
    {
        await using var server = await CallerLimitServer.StartAsync(infrastructure, "callers_token_two", "Token");
        using var rejections = new CounterTotal(server.Service<RequestLimitMetrics>().Rejections);
        using var first = CallerLimitServer.From(server, CallerLimitServer.FirstAddress);
        using var second = CallerLimitServer.From(server, CallerLimitServer.SecondAddress);

        var answers = await CallerLimitServer.SendAsync(Burst - 1, () => first.PostAsync("/oauth/token", Form("copilot", server.CopilotSecret)));
        answers.AddRange(await CallerLimitServer.SendAsync(1, () => second.PostAsync("/oauth/token", Form("copilot", server.CopilotSecret))));
        using var refused = await second.PostAsync("/oauth/token", Form("copilot", server.CopilotSecret)).WaitAsync(LiveServer.Timeout);

        Assert.All(answers, status => Assert.Equal(HttpStatusCode.BadRequest, status));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero, "429 without a positive Retry-After.");
        var body = await LimitProblems.JsonAsync(refused);
        Assert.Equal("temporarily_unavailable", LimitProblems.Text(body, "error"));
        Assert.StartsWith(RequestLimitReasons.ClientRateLimited + ":", LimitProblems.Text(body, "error_description"), StringComparison.Ordinal);
        Assert.Equal(1, rejections.Value);
    }

    [Fact]
    public async Task Token_OtherClient_KeepsItsOwnBudget()
    {
        await using var server = await CallerLimitServer.StartAsync(infrastructure, "callers_token_other", "Token");
        using var client = CallerLimitServer.From(server, CallerLimitServer.FirstAddress);
        await CallerLimitServer.SendAsync(Burst, () => client.PostAsync("/oauth/token", Form("copilot", server.CopilotSecret)));
        using var refused = await client.PostAsync("/oauth/token", Form("copilot", server.CopilotSecret)).WaitAsync(LiveServer.Timeout);

        var other = await CallerLimitServer.SendAsync(Burst, () => client.PostAsync("/oauth/token", Form("agent", server.AgentSecret)));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.All(other, status => Assert.Equal(HttpStatusCode.BadRequest, status));
    }

    [Fact]
    public async Task Token_VictimsIdWithWrongSecret_SpendsNothingOfTheVictimsBudget()
    {
        await using var server = await CallerLimitServer.StartAsync(infrastructure, "callers_token_spoof", "Token");
        using var attacker = CallerLimitServer.From(server, CallerLimitServer.SecondAddress);
        using var victim = CallerLimitServer.From(server, CallerLimitServer.FirstAddress);

        var spoofed = await CallerLimitServer.SendAsync(Burst * 3, () => attacker.PostAsync("/oauth/token", Form("copilot", "not-the-secret")));
        var genuine = await CallerLimitServer.SendAsync(Burst + 1, () => victim.PostAsync("/oauth/token", Form("copilot", server.CopilotSecret)));

        Assert.All(spoofed, status => Assert.Equal(HttpStatusCode.BadRequest, status));
        // The whole burst is still the victim's, and then its limit holds.
        Assert.All(genuine.Take(Burst), status => Assert.Equal(HttpStatusCode.BadRequest, status));
        Assert.Equal(HttpStatusCode.TooManyRequests, genuine[^1]);
    }

    /// <summary>An authenticated exchange with no subject token: refused 400 after the client is authenticated and counted.</summary>
    private static FormUrlEncodedContent Form(string clientId, string secret) => new(
    [
        KeyValuePair.Create(RtaExchangeNames.Parameters.GrantType, RtaExchangeNames.GrantType),
        KeyValuePair.Create(RtaExchangeNames.Parameters.ClientId, clientId),
        KeyValuePair.Create(RtaExchangeNames.Parameters.ClientSecret, secret),
    ]);
}
