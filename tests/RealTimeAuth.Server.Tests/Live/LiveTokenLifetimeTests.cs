using Grpc.Core;
using RealTimeAuth.Protocol.Live;
using RealTimeAuth.Testing;
using Kind = RealTimeAuth.Protocol.Grpc.ServerMessage.KindOneofCase;

namespace RealTimeAuth.Server.Tests.Live;

/// <summary>Freshness on a server whose tokens stay fresh for only 1.5 seconds.</summary>
[Collection(InfrastructureCollection.Name)]
[Trait("Tier", "Functional")]
public sealed class LiveTokenLifetimeTests(InfrastructureFixture infrastructure)
{
    private static readonly TimeSpan Window = TimeSpan.FromSeconds(1.5);
    private static readonly string[] Scopes = ["documents:read"];

    private static readonly Dictionary<string, string> ShortWindow = new()
    {
        ["Tokens:FreshnessWindow"] = Window.ToString(),
        ["LiveChannel:RefreshAt"] = "0.5",
    };

    [Fact]
    public async Task Connect_WithShortFreshnessWindow_PushesScheduledRefreshBeforeTheWindowEnds()
    {
        await using var server = await LiveServer.StartAsync(infrastructure, "lifetime_refresh", ShortWindow);
        var agent = await server.CreateSessionAsync(Scopes);
        var freshUntil = DateTimeOffset.UtcNow + Window;

        using var call = await LiveStreams.OpenAsync(server, agent);
        var first = await LiveStreams.NextOfKindAsync(call, Kind.TokenRefresh);
        var arrived = DateTimeOffset.UtcNow;
        var second = await LiveStreams.NextOfKindAsync(call, Kind.TokenRefresh);
        var decision = await server.Client.AuthorizeAsync(
            LiveAuthorizeTests.Read("documents"), agent.GrpcHeaders(server.AuthorizeRpcUri, second.TokenRefresh.Token), deadline: DateTime.UtcNow + LiveServer.Timeout);

        // On a slow machine the stream may open past the refresh point, so the first token is "connected".
        Assert.Contains(first.TokenRefresh.Reason, new[] { RtaRefreshReasons.Scheduled, RtaRefreshReasons.Connected });
        Assert.Equal(RtaRefreshReasons.Scheduled, second.TokenRefresh.Reason);
        Assert.True(arrived < freshUntil, $"The refresh arrived {arrived - freshUntil} after the first token went stale.");
        Assert.True(second.TokenRefresh.TokenSequence > first.TokenRefresh.TokenSequence);
        Assert.True(decision.Decision);
    }

    [Fact]
    public async Task Authorize_WithTokenPastItsFreshnessWindow_IsUnauthenticatedExpired()
    {
        var clock = new ServerClock();
        await using var server = await LiveServer.StartAsync(infrastructure, "lifetime_expired", ShortWindow, clock.Configure);
        var (_, token) = await server.CreateSessionAsync(Scopes);

        // The window's bound is inclusive: a millisecond past it the token is stale.
        clock.Time.Advance(Window + TimeSpan.FromMilliseconds(1));
        var refusal = await Assert.ThrowsAsync<RpcException>(async () => await server.Client.AuthorizeAsync(
            LiveAuthorizeTests.Read("documents"), LiveStreams.Authorization(token), deadline: DateTime.UtcNow + LiveServer.Timeout));

        Assert.Equal(StatusCode.Unauthenticated, refusal.StatusCode);
        Assert.Equal("token-expired", LiveStreams.Reason(refusal));
    }
}
