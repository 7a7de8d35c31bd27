using Grpc.Core;
using Microsoft.Extensions.DependencyInjection;
using RealTimeAuth.Protocol.Grpc;
using RealTimeAuth.Protocol.Live;
using RealTimeAuth.Server.Events;
using RealTimeAuth.Server.Live;
using RealTimeAuth.Server.Sessions;
using RealTimeAuth.Testing;
using Kind = RealTimeAuth.Protocol.Grpc.ServerMessage.KindOneofCase;

namespace RealTimeAuth.Server.Tests.Live;

[Collection(InfrastructureCollection.Name)]
[Trait("Tier", "Functional")]
public sealed class LiveChannelStreamTests(InfrastructureFixture infrastructure)
{
    private static readonly string[] Scopes = ["documents:read"];

    /// <summary>How long a client takes over a revocation before it acknowledges; well inside the close grace period.</summary>
    private static readonly TimeSpan ClientBusy = TimeSpan.FromMilliseconds(200);

    [Fact]
    public async Task Connect_WithValidToken_SendsHeartbeatFirst()
    {
        await using var server = await LiveServer.StartAsync(infrastructure, "live_hello");
        var agent = await server.CreateSessionAsync(Scopes);

        using var call = await LiveStreams.OpenAsync(server, agent);
        var first = await LiveStreams.NextAsync(call);

        Assert.Equal(Kind.Heartbeat, first.KindCase);
        Assert.Equal(1UL, first.Sequence);
        Assert.Equal(server.Service<ReplicaIdentity>().Name, first.Heartbeat.Replica);
    }

    [Fact]
    public async Task Connect_WithResumeAfter_ContinuesTheSequence()
    {
        await using var server = await LiveServer.StartAsync(infrastructure, "live_resume");
        var agent = await server.CreateSessionAsync(Scopes);

        using var call = await LiveStreams.OpenAsync(server, agent, resumeAfter: 41);

        Assert.Equal(42UL, (await LiveStreams.NextAsync(call)).Sequence);
    }

    [Fact]
    public async Task Connect_WhenParentIsRevoked_PushesItsCauseToParentAndAncestorRevokedToChild()
    {
        await using var server = await LiveServer.StartAsync(infrastructure, "live_ancestor");
        var parent = await server.CreateSessionAsync(Scopes);
        var child = await server.CreateSessionAsync(Scopes, parent.Session.Id);
        using var parentCall = await LiveStreams.OpenAsync(server, parent);
        using var childCall = await LiveStreams.OpenAsync(server, child);
        await LiveStreams.NextAsync(parentCall);
        await LiveStreams.NextAsync(childCall);

        var revoked = await server.RevokeAsync(parent.Session.Id, RtaRevocationReasons.AdminRevoked, "compromised laptop");
        var toParent = await LiveStreams.NextOfKindAsync(parentCall, Kind.Revocation);
        var toChild = await LiveStreams.NextOfKindAsync(childCall, Kind.Revocation);

        Assert.Equal(RtaRevocationReasons.AdminRevoked, toParent.Revocation.Reason);
        Assert.Equal(RtaRevocationReasons.AncestorRevoked, toChild.Revocation.Reason);
        Assert.Equal("compromised laptop", toChild.Revocation.Detail);
        Assert.Equal(revoked.EventSequence, toChild.Revocation.EventSequence);
        Assert.True(await LiveStreams.EndsAsync(childCall));
        Assert.True(await LiveStreams.EndsAsync(parentCall));
    }

    [Fact]
    public async Task Connect_AfterRevocation_LetsTheClientAcknowledgeAndHalfCloseThenEndsOk()
    {
        await using var server = await LiveServer.StartAsync(infrastructure, "live_close");
        var agent = await server.CreateSessionAsync(Scopes);
        var session = agent.Session;
        using var call = await LiveStreams.OpenAsync(server, agent);
        await LiveStreams.NextAsync(call);

        await server.RevokeAsync(session.Id);
        var revocation = await LiveStreams.NextOfKindAsync(call, Kind.Revocation);
        // The scenario, not a wait: a client busy handling the revocation, which the server must wait for.
        await Task.Delay(ClientBusy);
        await call.RequestStream.WriteAsync(new ClientMessage { Ack = new Ack { Sequence = revocation.Sequence } }).WaitAsync(LiveServer.Timeout);
        await call.RequestStream.CompleteAsync().WaitAsync(LiveServer.Timeout);

        Assert.True(await LiveStreams.EndsAsync(call));
    }

    [Fact]
    public async Task Connect_AfterRevocation_WhenTheClientNeverHalfCloses_EndsOkAfterTheGracePeriod()
    {
        await using var server = await LiveServer.StartAsync(
            infrastructure, "live_close_grace", new Dictionary<string, string> { ["LiveChannel:CloseGracePeriod"] = "00:00:00.300" });
        var agent = await server.CreateSessionAsync(Scopes);
        var session = agent.Session;
        using var call = await LiveStreams.OpenAsync(server, agent);
        await LiveStreams.NextAsync(call);

        await server.RevokeAsync(session.Id);
        await LiveStreams.NextOfKindAsync(call, Kind.Revocation);
        var waited = System.Diagnostics.Stopwatch.StartNew();

        Assert.True(await LiveStreams.EndsAsync(call));
        Assert.InRange(waited.Elapsed, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task Connect_WhenUserIsRevoked_PassesTheCauseOn()
    {
        await using var server = await LiveServer.StartAsync(infrastructure, "live_user");
        var agent = await server.CreateSessionAsync(Scopes);
        var session = agent.Session;
        using var call = await LiveStreams.OpenAsync(server, agent);
        await LiveStreams.NextAsync(call);

        await using (var scope = server.Factory.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<SessionRevocations>()
                .RevokeUserAsync(session.Issuer, session.Subject, RtaRevocationReasons.UserRevoked, null, "test", CancellationToken.None)
                .WaitAsync(LiveServer.Timeout);
        }

        var revocation = await LiveStreams.NextOfKindAsync(call, Kind.Revocation);
        Assert.Equal(RtaRevocationReasons.UserRevoked, revocation.Revocation.Reason);
    }

    [Fact]
    public async Task Connect_WhenSessionIsAlreadyRevoked_SendsRevocationAndEnds()
    {
        await using var server = await LiveServer.StartAsync(infrastructure, "live_already");
        var agent = await server.CreateSessionAsync(Scopes);
        var session = agent.Session;
        await server.RevokeAsync(session.Id, detail: "before connect");

        using var call = await LiveStreams.OpenAsync(server, agent);
        var first = await LiveStreams.NextAsync(call);

        Assert.Equal(Kind.Revocation, first.KindCase);
        Assert.Equal(RtaRevocationReasons.SessionRevoked, first.Revocation.Reason);
        Assert.Equal("before connect", first.Revocation.Detail);
        Assert.True(await LiveStreams.EndsAsync(call));
    }

    [Fact]
    public async Task Connect_WithForgedToken_IsUnauthenticated()
    {
        await using var server = await LiveServer.StartAsync(infrastructure, "live_forged");
        var agent = await server.CreateSessionAsync(Scopes);

        using var call = await LiveStreams.OpenAsync(server, agent, TestTokens.Forge(agent.Token));
        var refusal = await LiveStreams.RefusalAsync(call);

        Assert.Equal(StatusCode.Unauthenticated, refusal.StatusCode);
        Assert.Equal("token-bad-signature", LiveStreams.Reason(refusal));
    }

    [Fact]
    public async Task Connect_WhenFirstMessageIsNotHello_IsInvalidArgument()
    {
        await using var server = await LiveServer.StartAsync(infrastructure, "live_nohello");
        var agent = await server.CreateSessionAsync(Scopes);

        using var call = server.Client.Connect(agent.GrpcHeaders(server.ConnectUri));
        await call.RequestStream.WriteAsync(new ClientMessage { Ack = new Ack { Sequence = 1 } }).WaitAsync(LiveServer.Timeout);
        var refusal = await LiveStreams.RefusalAsync(call);

        Assert.Equal(StatusCode.InvalidArgument, refusal.StatusCode);
        Assert.Equal(RtaStreamCloseReasons.HelloExpected, LiveStreams.Reason(refusal));
    }

    [Fact]
    public async Task Connect_WhenContextChanges_PushesFreshTokenAndTheOldOneGoesStale()
    {
        await using var server = await LiveServer.StartAsync(infrastructure, "live_context");
        var agent = await server.CreateSessionAsync(Scopes);
        var session = agent.Session;
        using var call = await LiveStreams.OpenAsync(server, agent);
        await LiveStreams.NextAsync(call);

        await server.ChangeContextAsync(session.Id, "risk", "high");
        var refresh = await LiveStreams.NextOfKindAsync(call, Kind.TokenRefresh);
        var staleRefusal = await Assert.ThrowsAsync<RpcException>(() => server.Client.AuthorizeAsync(
            LiveAuthorizeTests.Read("documents"), agent.GrpcHeaders(server.AuthorizeRpcUri), deadline: Deadline()).ResponseAsync);
        var fresh = await server.Client.AuthorizeAsync(
            LiveAuthorizeTests.Read("documents"), agent.GrpcHeaders(server.AuthorizeRpcUri, refresh.TokenRefresh.Token), deadline: Deadline());

        Assert.Equal(RtaRefreshReasons.ContextChanged, refresh.TokenRefresh.Reason);
        Assert.True(refresh.TokenRefresh.TokenSequence > session.TokenSequence);
        Assert.Equal(StatusCode.Unauthenticated, staleRefusal.StatusCode);
        Assert.Equal("token-stale-context", LiveStreams.Reason(staleRefusal));
        Assert.True(fresh.Decision);
    }

    [Fact]
    public async Task Connect_WithStaleToken_OpensAndPushesFreshTokenAtOnce()
    {
        await using var server = await LiveServer.StartAsync(infrastructure, "live_stale_connect");
        var agent = await server.CreateSessionAsync(Scopes);
        var session = agent.Session;
        await server.ChangeContextAsync(session.Id, "risk", "high");

        using var call = await LiveStreams.OpenAsync(server, agent);
        var refresh = await LiveStreams.NextOfKindAsync(call, Kind.TokenRefresh);

        Assert.Equal(RtaRefreshReasons.ContextChanged, refresh.TokenRefresh.Reason);
    }

    [Fact]
    public async Task Ack_OfSentMessage_IsRecordedOnTheConnection()
    {
        await using var server = await LiveServer.StartAsync(infrastructure, "live_ack");
        var agent = await server.CreateSessionAsync(Scopes);
        var session = agent.Session;
        using var call = await LiveStreams.OpenAsync(server, agent);
        var first = await LiveStreams.NextAsync(call);

        await call.RequestStream.WriteAsync(new ClientMessage { Ack = new Ack { Sequence = first.Sequence } }).WaitAsync(LiveServer.Timeout);
        var hub = server.Service<StreamHub>();

        Assert.True(await LiveServer.EventuallyAsync(() => hub.ConnectionsOf(session.Id) is [{ LastAcknowledged: 1 }]));
    }

    [Fact]
    public async Task Disconnect_ByClient_RemovesTheStreamFromTheHub()
    {
        await using var server = await LiveServer.StartAsync(infrastructure, "live_disconnect");
        var agent = await server.CreateSessionAsync(Scopes);
        var session = agent.Session;
        var hub = server.Service<StreamHub>();
        using var cancel = new CancellationTokenSource();
        var call = await LiveStreams.OpenAsync(server, agent, cancellationToken: cancel.Token);
        await LiveStreams.NextAsync(call);
        Assert.Single(hub.ConnectionsOf(session.Id));

        await cancel.CancelAsync();
        call.Dispose();

        Assert.True(await LiveServer.EventuallyAsync(() => hub.ConnectionsOf(session.Id).Count == 0));
    }

    private static DateTime Deadline() => DateTime.UtcNow + LiveServer.Timeout;
}
