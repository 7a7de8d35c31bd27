using Grpc.Core;
using RealTimeAuth.Protocol.Contexts;
using RealTimeAuth.Protocol.Grpc;
using RealTimeAuth.Protocol.Live;
using RealTimeAuth.Server.Sessions;
using RealTimeAuth.Server.Sessions.Lifetimes;
using RealTimeAuth.Server.Tests.Live;
using RealTimeAuth.Testing;

namespace RealTimeAuth.Server.Tests.Security.SessionLifetimes;

/// <summary>
/// An agent that holds on to a session past its lifetimes is refused and revoked with <c>session-expired</c>, and
/// cannot stretch a child's lifetimes past its parent's.
/// </summary>
[Collection(InfrastructureCollection.Name)]
[Trait("Tier", "Functional")]
public sealed class SessionLifetimeAttackTests(InfrastructureFixture infrastructure)
{
    private static readonly string[] Scopes = ["documents:read"];

    [Fact]
    public async Task Authorize_AtTheAbsoluteExpiry_RefusedSessionExpiredBeforeAnySweep()
    {
        var clock = new ServerClock();
        await using var server = await LiveServer.StartAsync(infrastructure, "lifetime_absolute_exact", LifetimeServer.Settings(), clock.Configure);
        var agent = await server.CreateSessionAsync(Scopes);
        var before = await AuthorizeAsync(server, agent);

        await server.AdvanceAsync(clock, LifetimeServer.Absolute);
        var refusal = await Assert.ThrowsAsync<RpcException>(() => AuthorizeAsync(server, agent));

        Assert.True(before.Decision);
        Assert.Equal(StatusCode.Unauthenticated, refusal.StatusCode);
        Assert.Equal(RtaRevocationReasons.SessionExpired, LiveStreams.Reason(refusal));
    }

    [Fact]
    public async Task Stream_PastTheAbsoluteLifetime_SweepPushesSessionExpiredAndEndsTheSubtree()
    {
        var clock = new ServerClock();
        var settings = LifetimeServer.Settings(sweepInterval: TimeSpan.FromSeconds(10));
        await using var server = await LiveServer.StartAsync(infrastructure, "lifetime_absolute_sweep", settings, clock.Configure);
        var parent = await server.CreateSessionAsync(Scopes);
        var child = await server.CreateSessionAsync(Scopes, parent.Session.Id);
        using var call = await LiveStreams.OpenAsync(server, parent);
        await LiveStreams.NextOfKindAsync(call, ServerMessage.KindOneofCase.Heartbeat);

        await server.AdvanceAsync(clock, LifetimeServer.Absolute + TimeSpan.FromSeconds(1));
        var revocation = await LiveStreams.NextOfKindAsync(call, ServerMessage.KindOneofCase.Revocation);

        Assert.Equal(RtaRevocationReasons.SessionExpired, revocation.Revocation.Reason);
        Assert.Equal(SessionExpiryKinds.Absolute, revocation.Revocation.Detail);
        // The server waits for the client's half-close, as the SDK sends it, on a clock that does not move by itself.
        await call.RequestStream.CompleteAsync();
        Assert.True(await LiveStreams.EndsAsync(call));
        // A revocation is pushed ahead of its commit (ADR 0012), so the rows may trail the push by a moment.
        Assert.True(await Eventually.UntilAsync(async () => (await server.RowAsync(child.Session.Id)).Status == nameof(SessionStatus.Revoked), LiveServer.Timeout));
        var entry = Assert.Single(await server.RevocationEntriesAsync(parent.Session.Id));
        Assert.Equal(SessionExpirySweeper.Actor, entry.Actor);
    }

    [Fact]
    public async Task Sweep_IdleSession_RevokedWhileStreamingDecidingAndDelegatingSessionsStay()
    {
        var clock = new ServerClock();
        await using var server = await LiveServer.StartAsync(infrastructure, "lifetime_idle", LifetimeServer.Settings(), clock.Configure);
        var idle = await server.CreateSessionAsync(Scopes);
        var streaming = await server.CreateSessionAsync(Scopes);
        var delegating = await server.CreateSessionAsync(Scopes);
        var deciding = await server.CreateSessionAsync(Scopes, delegating.Session.Id);
        using var call = await LiveStreams.OpenAsync(server, streaming);
        await LiveStreams.NextOfKindAsync(call, ServerMessage.KindOneofCase.Heartbeat);

        await server.AdvanceAsync(clock, TimeSpan.FromSeconds(40));
        Assert.True((await AuthorizeAsync(server, deciding)).Decision);
        await server.FlushActivityAsync();
        // 110 s: the idle session's expiry (60 s) is one flush interval (30 s) behind; the others were seen at 40 s.
        await server.AdvanceAsync(clock, TimeSpan.FromSeconds(70));
        await server.SweepAsync();

        var idleRow = await server.RowAsync(idle.Session.Id);
        Assert.Equal((nameof(SessionStatus.Revoked), RtaRevocationReasons.SessionExpired, SessionExpiryKinds.Idle),
            (idleRow.Status, idleRow.RevocationReason, idleRow.RevocationDetail));
        Assert.Equal(nameof(SessionStatus.Active), (await server.RowAsync(streaming.Session.Id)).Status);
        Assert.Equal(nameof(SessionStatus.Active), (await server.RowAsync(deciding.Session.Id)).Status);
        Assert.Equal(nameof(SessionStatus.Active), (await server.RowAsync(delegating.Session.Id)).Status);
    }

    [Fact]
    public async Task Sweep_DecisionJustBeforeIdleExpiryNotYetFlushed_SessionStays()
    {
        var clock = new ServerClock();
        await using var server = await LiveServer.StartAsync(infrastructure, "lifetime_unflushed", LifetimeServer.Settings(), clock.Configure);
        var working = await server.CreateSessionAsync(Scopes);

        await server.AdvanceAsync(clock, LifetimeServer.Idle - TimeSpan.FromSeconds(1));
        Assert.True((await AuthorizeAsync(server, working)).Decision);
        // Past the stored idle expiry, before the flush that writes the decision.
        await server.AdvanceAsync(clock, TimeSpan.FromSeconds(2));
        await server.SweepAsync();
        Assert.Equal(nameof(SessionStatus.Active), (await server.RowAsync(working.Session.Id)).Status);

        await server.FlushActivityAsync();
        await server.AdvanceAsync(clock, LifetimeServer.FlushInterval);
        await server.SweepAsync();
        Assert.Equal(nameof(SessionStatus.Active), (await server.RowAsync(working.Session.Id)).Status);
    }

    [Fact]
    public async Task Sweep_OnTwoReplicasAtOnce_ActivityOnEitherCountsAndEachExpiryIsOneEvent()
    {
        var clock = new ServerClock();
        var (first, second) = await LiveServer.StartPairAsync(infrastructure, "lifetime_replicas", LifetimeServer.Settings(), clock.Configure);
        await using var firstReplica = first;
        await using var secondReplica = second;
        var idle = await first.CreateSessionAsync(Scopes);
        var streaming = await first.CreateSessionAsync(Scopes);
        Assert.True(await LiveServer.EventuallyAsync(() => second.Service<SessionCache>().Find(streaming.Session.Id) is not null));
        using var call = await LiveStreams.OpenAsync(second, streaming);
        await LiveStreams.NextOfKindAsync(call, ServerMessage.KindOneofCase.Heartbeat);

        await first.AdvanceAsync(clock, LifetimeServer.Idle + LifetimeServer.FlushInterval + TimeSpan.FromSeconds(1));
        await second.AdvanceAsync(clock, TimeSpan.Zero);
        await Task.WhenAll(first.FlushActivityAsync(), second.FlushActivityAsync());
        await Task.WhenAll(first.SweepAsync(), second.SweepAsync(), first.SweepAsync());

        Assert.Single(await first.RevocationEntriesAsync(idle.Session.Id));
        Assert.Empty(await first.RevocationEntriesAsync(streaming.Session.Id));
        Assert.True(await LiveServer.EventuallyAsync(() => second.Service<SessionCache>().Find(idle.Session.Id) is { IsActive: false }));
    }

    [Fact]
    public async Task Delegate_AskingForLongerLifetimesThanTheParent_ChildGetsTheParentsRemainingOnes()
    {
        var clock = new ServerClock();
        await using var server = await LiveServer.StartAsync(infrastructure, "lifetime_capped", LifetimeServer.Settings(), clock.Configure);
        var parent = await server.CreateSessionAsync(Scopes);
        await server.AdvanceAsync(clock, TimeSpan.FromSeconds(30));

        var child = await server.CreateAsync(new NewSessionRequest
        {
            Issuer = parent.Session.Issuer,
            Subject = parent.Session.Subject,
            ClientId = "agent",
            Agent = new AgentIdentity($"agent-{Guid.NewGuid():N}", "Long-lived agent", "agent", "tests"),
            ParentId = parent.Session.Id,
            RequestedScopes = Scopes,
            UserContext = SecurityContext.Empty,
            KeyThumbprint = parent.Proofs.JwkThumbprint,
            AbsoluteLifetime = TimeSpan.FromDays(30),
            IdleLifetime = TimeSpan.FromDays(1),
        });

        Assert.True(child.Succeeded, child.Error.ToString());
        Assert.Equal(parent.Session.ExpiresAt, child.Session!.ExpiresAt);
        Assert.Equal(LifetimeServer.Idle, child.Session.IdleTimeout);
        var row = await server.RowAsync(child.Session.Id);
        Assert.Equal((parent.Session.ExpiresAt, LifetimeServer.Idle), (row.ExpiresAt, row.IdleTimeout));
    }

    [Fact]
    public async Task Delegate_FromAParentPastItsAbsoluteExpiry_Refused()
    {
        var clock = new ServerClock();
        await using var server = await LiveServer.StartAsync(infrastructure, "lifetime_expired_parent", LifetimeServer.Settings(), clock.Configure);
        var parent = await server.CreateSessionAsync(Scopes);
        await server.AdvanceAsync(clock, LifetimeServer.Absolute);

        var child = await server.CreateAsync(new NewSessionRequest
        {
            Issuer = parent.Session.Issuer,
            Subject = parent.Session.Subject,
            ClientId = "agent",
            Agent = new AgentIdentity($"agent-{Guid.NewGuid():N}", "Late agent", "agent", "tests"),
            ParentId = parent.Session.Id,
            RequestedScopes = Scopes,
            UserContext = SecurityContext.Empty,
            KeyThumbprint = parent.Proofs.JwkThumbprint,
        });

        Assert.Equal(SessionCreationError.ParentNotActive, child.Error);
    }

    [Fact]
    public async Task Restart_AnotherReplicaLoadsTheStoredExpiries()
    {
        var (first, second) = await LiveServer.StartPairAsync(infrastructure, "lifetime_restart", LifetimeServer.Settings());
        await using var firstReplica = first;
        await using var secondReplica = second;
        var session = await first.CreateSessionAsync(Scopes);

        await using var restarted = await first.StartAnotherReplicaAsync(infrastructure);
        var loaded = restarted.Service<SessionCache>().Find(session.Session.Id);

        Assert.NotNull(loaded);
        Assert.Equal(session.Session.CreatedAt + LifetimeServer.Absolute, session.Session.ExpiresAt, TimeSpan.FromMilliseconds(1));
        Assert.Equal(session.Session.ExpiresAt, loaded.ExpiresAt, TimeSpan.FromMilliseconds(1));
        Assert.Equal(LifetimeServer.Idle, loaded.IdleTimeout);
    }

    private static async Task<AuthorizeResponse> AuthorizeAsync(LiveServer server, TestAgentSession agent) =>
        await server.Client.AuthorizeAsync(
            LiveAuthorizeTests.Read("documents"), agent.GrpcHeaders(server.AuthorizeRpcUri), deadline: DateTime.UtcNow + LiveServer.Timeout);
}
