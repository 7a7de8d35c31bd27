using System.Diagnostics;
using RealTimeAuth.IntegrationTests.Infrastructure;
using RealTimeAuth.Protocol.Live;
using RealTimeAuth.Protocol.Tokens;
using RealTimeAuth.Sdk;
using RealTimeAuth.Testing;
using RealTimeAuth.Testing.Hosting;
using Xunit.Abstractions;

namespace RealTimeAuth.IntegrationTests.Live;

/// <summary>
/// A server whose tokens stay fresh for only two seconds (<c>Tokens:FreshnessWindow=00:00:02</c>): a token
/// nobody refreshes is refused as expired, while an agent holding its stream keeps getting fresh ones.
/// </summary>
[Collection(InfrastructureCollection.Name)]
[Trait("Tier", "Functional")]
public sealed class LiveTokenExpiryTests(InfrastructureFixture infrastructure, DevIdpFixture idp, SharedCluster shared, ITestOutputHelper output)
    : IClassFixture<SharedCluster>
{
    private static readonly TimeSpan FreshnessWindow = TimeSpan.FromSeconds(2);

    [Fact]
    public async Task Authorize_TokenPastFreshnessWindow_IsRefusedAsExpiredOnEveryTransport()
    {
        using var timeout = TestTimeouts.Start();
        var (cluster, server) = await StartAsync();
        var session = await ExchangeRequests.IssueAsync(cluster, server, await idp.UserAccessTokenAsync(timeout.Token), "records:read", timeout.Token);
        var fresh = await LiveCalls.AuthorizeAsync(server, LiveTransport.Grpc, session.AccessToken!, "read", "records", timeout.Token, session.Key);

        // Nothing to observe but the clock: the token's own issue time plus the window says when it must be refused.
        await Task.Delay(UntilExpired(session.AccessToken!), timeout.Token);
        var grpc = await LiveCalls.AuthorizeAsync(server, LiveTransport.Grpc, session.AccessToken!, "read", "records", timeout.Token, session.Key);
        var json = await LiveCalls.AuthorizeAsync(server, LiveTransport.Json, session.AccessToken!, "read", "records", timeout.Token, session.Key);
        var (first, streamRefusal) = await LiveCalls.OpenStreamAsync(server, session.AccessToken!, timeout.Token, session.Key);

        Assert.True(fresh.Allowed, fresh.ToString());
        LiveTokenRefusalTests.AssertRefused(grpc, LiveTransport.Grpc, "token-expired");
        LiveTokenRefusalTests.AssertRefused(json, LiveTransport.Json, "token-expired");
        Assert.Null(first);
        LiveTokenRefusalTests.AssertRefused(streamRefusal!, LiveTransport.Grpc, "token-expired");
    }

    [Fact]
    public async Task ConnectedAgent_ShortFreshnessWindow_StaysAuthorizedOnScheduledRefreshes()
    {
        using var timeout = TestTimeouts.Start();
        var (cluster, server) = await StartAsync();
        using var factory = Agents.CopilotFactory(cluster, server);
        await using var client = await factory.ConnectAsync(
            new RtaSessionRequest { SubjectToken = await idp.UserAccessTokenAsync(timeout.Token), Scopes = ["records:read"] }, timeout.Token);
        using var probe = new AgentProbe(client);
        await probe.WaitForStateAsync(RtaConnectionState.Connected, TestTimeouts.Push);
        var firstToken = client.CurrentToken;
        var connected = Stopwatch.StartNew();

        // Two scheduled refreshes, and past the first token's window: without refreshes it, and every token after it,
        // would have expired.
        await probe.WaitForRefreshesAsync(RtaRefreshReasons.Scheduled, 2, FreshnessWindow * 3);
        await Task.Delay(UntilExpired(firstToken), timeout.Token);

        output.WriteLine($"{probe.Refreshes.Count} refreshes in {connected.Elapsed.TotalSeconds:0.0} s: {string.Join(", ", probe.Refreshes.Select(r => $"#{r.TokenSequence} {r.Reason}"))}");
        Assert.Equal(RtaConnectionState.Connected, client.State);
        Assert.True((await client.AuthorizeAsync("read", "records", "rec-1", cancellationToken: timeout.Token)).Allowed);
        LiveTokenRefusalTests.AssertRefused(
            await LiveCalls.AuthorizeAsync(server, LiveTransport.Grpc, firstToken, "read", "records", timeout.Token, Agents.SessionKeys.KeyOf(server, client.SessionId)), LiveTransport.Grpc, "token-expired");
    }

    /// <summary>How long until the token is past its window (inclusive bound), with a margin.</summary>
    private static TimeSpan UntilExpired(string token)
    {
        var bytes = new byte[RtaTokenLayout.Length];
        Assert.True(RtaTokenText.TryDecode(token, bytes));
        Assert.True(RtaTokenView.TryCreate(bytes, out var view));
        var issuedAt = DateTimeOffset.FromUnixTimeMilliseconds((long)view.IssuedAtUnixMilliseconds);
        var wait = issuedAt + FreshnessWindow + TimeSpan.FromMilliseconds(300) - DateTimeOffset.UtcNow;
        return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
    }

    private async Task<(ServerCluster Cluster, ServerHost Server)> StartAsync()
    {
        var started = Stopwatch.StartNew();
        var cluster = await shared.GetAsync(infrastructure, idp, "expiry", new Dictionary<string, string?>
        {
            ["Tokens:FreshnessWindow"] = "00:00:02",
        });
        output.WriteLine($"Server ready after {started.ElapsedMilliseconds} ms.");
        return (cluster, cluster.Replicas[0]);
    }
}
