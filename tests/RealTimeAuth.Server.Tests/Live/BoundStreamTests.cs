using Grpc.Core;
using RealTimeAuth.Protocol.Binding;
using RealTimeAuth.Protocol.Live;
using RealTimeAuth.Server.Live;
using RealTimeAuth.Server.Telemetry;
using RealTimeAuth.Server.Tests.Infrastructure;
using RealTimeAuth.Testing;
using Kind = RealTimeAuth.Protocol.Grpc.ServerMessage.KindOneofCase;

namespace RealTimeAuth.Server.Tests.Live;

/// <summary>
/// Opening a gRPC stream needs a proof of the session's key: a copied token, alone or with a copied or bent proof,
/// opens nothing, and the agent's own stream goes on.
/// </summary>
[Collection(InfrastructureCollection.Name)]
[Trait("Tier", "Functional")]
public sealed class BoundStreamTests(InfrastructureFixture infrastructure)
{
    private static readonly string[] Scopes = ["documents:read"];

    [Fact]
    public async Task Connect_CopiedTokenWithoutProof_IsRefusedProofMissingCountedAndTheAgentsStreamGoesOn()
    {
        await using var server = await LiveServer.StartAsync(infrastructure, "bound_copied");
        var agent = await server.CreateSessionAsync(Scopes);
        using var own = await LiveStreams.OpenAsync(server, agent);
        await LiveStreams.NextOfKindAsync(own, Kind.Heartbeat);
        using var refusals = new CounterTotal(server.Service<RtaServerTelemetry>().BindingRefusals);

        using var copied = await LiveStreams.OpenAsync(server, LiveStreams.Authorization(agent.Token));
        var refusal = await LiveStreams.RefusalAsync(copied);

        Assert.Equal(StatusCode.Unauthenticated, refusal.StatusCode);
        Assert.Equal(DpopRejectionReasons.ProofMissing, refusal.Status.Detail);
        Assert.Equal(DpopRejectionReasons.ProofMissing, LiveStreams.Reason(refusal));
        Assert.Equal(1, refusals.Value);
        Assert.Single(server.Service<StreamHub>().ConnectionsOf(agent.Session.Id));
        await server.RevokeAsync(agent.Session.Id);
        Assert.Equal(RtaRevocationReasons.SessionRevoked, (await LiveStreams.NextOfKindAsync(own, Kind.Revocation)).Revocation.Reason);
    }

    [Fact]
    public async Task Connect_CopiedTokenWithTheAgentsUsedProof_IsRefusedReplayedProofAndTheAgentsStreamGoesOn()
    {
        await using var server = await LiveServer.StartAsync(infrastructure, "bound_replayed");
        var agent = await server.CreateSessionAsync(Scopes);
        var headers = agent.GrpcHeaders(server.ConnectUri);
        using var own = await LiveStreams.OpenAsync(server, headers);
        await LiveStreams.NextOfKindAsync(own, Kind.Heartbeat);

        using var copied = await LiveStreams.OpenAsync(server, headers);
        var refusal = await LiveStreams.RefusalAsync(copied);

        Assert.Equal(StatusCode.Unauthenticated, refusal.StatusCode);
        Assert.Equal(RtaBindingReasons.ReplayedProof, LiveStreams.Reason(refusal));
        Assert.Equal(Kind.TokenRefresh, (await ChangeContextAndReadAsync(server, agent, own)).KindCase);
    }

    [Fact]
    public async Task Connect_WithAProofOlderThanItsLifetime_IsRefusedStaleProof()
    {
        var clock = new ServerClock();
        await using var server = await LiveServer.StartAsync(infrastructure, "bound_stale", configure: clock.Configure);
        var agent = await server.CreateSessionAsync(Scopes);
        var old = agent.GrpcHeaders(server.ConnectUri);

        await server.AdvanceAsync(clock, TimeSpan.FromSeconds(61));
        using var call = await LiveStreams.OpenAsync(server, old);
        var refusal = await LiveStreams.RefusalAsync(call);

        Assert.Equal(StatusCode.Unauthenticated, refusal.StatusCode);
        Assert.Equal(DpopRejectionReasons.StaleProof, LiveStreams.Reason(refusal));
    }

    [Fact]
    public async Task Connect_WithAProofByAnotherKey_IsRefusedWrongKey()
    {
        await using var server = await LiveServer.StartAsync(infrastructure, "bound_wrong_key");
        var agent = await server.CreateSessionAsync(Scopes);
        var attacker = await server.CreateSessionAsync(Scopes);

        // The attacker signs over the copied token with its own key.
        using var call = await LiveStreams.OpenAsync(server, Headers(agent.Token, attacker.Proof("POST", server.ConnectUri, agent.Token)));
        var refusal = await LiveStreams.RefusalAsync(call);

        Assert.Equal(StatusCode.Unauthenticated, refusal.StatusCode);
        Assert.Equal(DpopRejectionReasons.WrongKey, LiveStreams.Reason(refusal));
    }

    [Fact]
    public async Task Connect_WithAProofForAnotherTokenUriOrMethod_IsRefusedWithEachReason()
    {
        await using var server = await LiveServer.StartAsync(infrastructure, "bound_mismatch");
        var agent = await server.CreateSessionAsync(Scopes);
        var other = await server.CreateSessionAsync(Scopes);

        var wrongAth = await RefusalAsync(server, Headers(agent.Token, agent.Proof("POST", server.ConnectUri, other.Token)));
        var wrongUri = await RefusalAsync(server, Headers(agent.Token, agent.Proof("POST", server.AuthorizeRpcUri)));
        var wrongMethod = await RefusalAsync(server, Headers(agent.Token, agent.Proof("GET", server.ConnectUri)));

        Assert.Equal(DpopRejectionReasons.WrongAth, LiveStreams.Reason(wrongAth));
        Assert.Equal(DpopRejectionReasons.WrongUri, LiveStreams.Reason(wrongUri));
        Assert.Equal(DpopRejectionReasons.WrongMethod, LiveStreams.Reason(wrongMethod));
        Assert.Empty(server.Service<StreamHub>().ConnectionsOf(agent.Session.Id));
    }

    [Fact]
    public async Task Connect_ForASessionWithoutKey_IsRefusedSessionUnbound()
    {
        await using var server = await LiveServer.StartAsync(infrastructure, "bound_unbound");
        var unbound = await server.CreateSessionAsync(Scopes, bound: false);

        var refusal = await RefusalAsync(server, unbound.GrpcHeaders(server.ConnectUri));

        Assert.Equal(StatusCode.Unauthenticated, refusal.StatusCode);
        Assert.Equal(RtaBindingReasons.SessionUnbound, LiveStreams.Reason(refusal));
    }

    [Fact]
    public async Task Connect_WithValidProof_SendsAStreamBindingOf32RandomBytes()
    {
        await using var server = await LiveServer.StartAsync(infrastructure, "bound_binding");
        var agent = await server.CreateSessionAsync(Scopes);

        using var first = await LiveStreams.OpenAsync(server, agent);
        var binding = await LiveStreams.BindingAsync(first);

        Assert.Equal(LiveConnection.BindingLength, System.Buffers.Text.Base64Url.DecodeFromChars(binding).Length);
        Assert.Equal(binding, Assert.Single(server.Service<StreamHub>().ConnectionsOf(agent.Session.Id)).Binding);
    }

    internal static Metadata Headers(string token, string proof) => new() { { "authorization", "RTA " + token }, { "dpop", proof } };

    private static async Task<RpcException> RefusalAsync(LiveServer server, Metadata headers)
    {
        using var call = await LiveStreams.OpenAsync(server, headers);
        return await LiveStreams.RefusalAsync(call);
    }

    private static async Task<Protocol.Grpc.ServerMessage> ChangeContextAndReadAsync(
        LiveServer server, TestAgentSession agent, AsyncDuplexStreamingCall<Protocol.Grpc.ClientMessage, Protocol.Grpc.ServerMessage> call)
    {
        await server.ChangeContextAsync(agent.Session.Id, "risk", "high");
        return await LiveStreams.NextOfKindAsync(call, Kind.TokenRefresh);
    }
}
