using Grpc.Core;
using RealTimeAuth.Protocol.Binding;
using RealTimeAuth.Protocol.Grpc;
using RealTimeAuth.Server.Live;
using RealTimeAuth.Testing;
using Kind = RealTimeAuth.Protocol.Grpc.ServerMessage.KindOneofCase;

namespace RealTimeAuth.Server.Tests.Live;

/// <summary>
/// A unary <c>Authorize</c> proves possession through its session's open bound stream on this replica (the binding the
/// stream was given), or with a proof of its own; a copied token with neither, or with a binding that names no open
/// stream of its session here, is refused.
/// </summary>
[Collection(InfrastructureCollection.Name)]
[Trait("Tier", "Functional")]
public sealed class StreamBindingTests(InfrastructureFixture infrastructure)
{
    private static readonly string[] Scopes = ["documents:read"];

    [Fact]
    public async Task Authorize_WithTheBindingOfTheSessionsOpenStream_DecidesWithoutAProof()
    {
        await using var server = await LiveServer.StartAsync(infrastructure, "binding_ok");
        var agent = await server.CreateSessionAsync(Scopes);
        using var stream = await LiveStreams.OpenAsync(server, agent);
        var binding = await LiveStreams.BindingAsync(stream);

        var first = await AuthorizeAsync(server, WithBinding(agent.Token, binding));
        var again = await AuthorizeAsync(server, WithBinding(agent.Token, binding));

        Assert.True(first.Decision);
        Assert.True(again.Decision);
    }

    [Fact]
    public async Task Authorize_CopiedTokenWithNeitherBindingNorProof_IsRefusedProofMissingAndTheAgentGoesOn()
    {
        await using var server = await LiveServer.StartAsync(infrastructure, "binding_copied");
        var agent = await server.CreateSessionAsync(Scopes);
        using var stream = await LiveStreams.OpenAsync(server, agent);
        var binding = await LiveStreams.BindingAsync(stream);

        var refusal = await RefusalAsync(server, LiveStreams.Authorization(agent.Token));

        Assert.Equal(StatusCode.Unauthenticated, refusal.StatusCode);
        Assert.Equal(DpopRejectionReasons.ProofMissing, refusal.Status.Detail);
        Assert.True((await AuthorizeAsync(server, WithBinding(agent.Token, binding))).Decision);
        await server.ChangeContextAsync(agent.Session.Id, "risk", "high");
        Assert.Equal(Kind.TokenRefresh, (await LiveStreams.NextOfKindAsync(stream, Kind.TokenRefresh)).KindCase);
    }

    [Fact]
    public async Task Authorize_WithTheBindingOfAnotherSessionsStream_IsRefusedStreamBindingUnknown()
    {
        await using var server = await LiveServer.StartAsync(infrastructure, "binding_foreign");
        var agent = await server.CreateSessionAsync(Scopes);
        var attacker = await server.CreateSessionAsync(Scopes);
        using var attackersStream = await LiveStreams.OpenAsync(server, attacker);
        var attackersBinding = await LiveStreams.BindingAsync(attackersStream);

        var refusal = await RefusalAsync(server, WithBinding(agent.Token, attackersBinding));

        Assert.Equal(StatusCode.Unauthenticated, refusal.StatusCode);
        Assert.Equal(RtaBindingReasons.StreamBindingUnknown, LiveStreams.Reason(refusal));
    }

    [Fact]
    public async Task Authorize_WithTheBindingOfAClosedStreamOrGarbage_IsRefusedStreamBindingUnknown()
    {
        await using var server = await LiveServer.StartAsync(infrastructure, "binding_closed");
        var agent = await server.CreateSessionAsync(Scopes);
        var hub = server.Service<StreamHub>();
        string binding;
        using (var cancel = new CancellationTokenSource())
        {
            var stream = await LiveStreams.OpenAsync(server, agent, cancellationToken: cancel.Token);
            binding = await LiveStreams.BindingAsync(stream);
            await cancel.CancelAsync();
            stream.Dispose();
        }

        Assert.True(await LiveServer.EventuallyAsync(() => hub.ConnectionsOf(agent.Session.Id).Count == 0));
        var closed = await RefusalAsync(server, WithBinding(agent.Token, binding));
        var garbage = await RefusalAsync(server, WithBinding(agent.Token, "not base64url!"));
        var guessed = await RefusalAsync(server, WithBinding(agent.Token, System.Buffers.Text.Base64Url.EncodeToString(new byte[32])));

        Assert.Equal(RtaBindingReasons.StreamBindingUnknown, LiveStreams.Reason(closed));
        Assert.Equal(RtaBindingReasons.StreamBindingUnknown, LiveStreams.Reason(garbage));
        Assert.Equal(RtaBindingReasons.StreamBindingUnknown, LiveStreams.Reason(guessed));
    }

    [Fact]
    public async Task Authorize_WithAProofInsteadOfABinding_Decides_AndItsReplayIsRefused()
    {
        await using var server = await LiveServer.StartAsync(infrastructure, "binding_proof");
        var agent = await server.CreateSessionAsync(Scopes);
        var headers = agent.GrpcHeaders(server.AuthorizeRpcUri);

        var decided = await AuthorizeAsync(server, headers);
        var replayed = await RefusalAsync(server, headers);
        var forStream = await RefusalAsync(server, agent.GrpcHeaders(server.ConnectUri));

        Assert.True(decided.Decision);
        Assert.Equal(RtaBindingReasons.ReplayedProof, LiveStreams.Reason(replayed));
        Assert.Equal(DpopRejectionReasons.WrongUri, LiveStreams.Reason(forStream));
    }

    [Fact]
    public async Task Authorize_ForAnUnboundSession_IsRefusedSessionUnbound()
    {
        await using var server = await LiveServer.StartAsync(infrastructure, "binding_unbound");
        var unbound = await server.CreateSessionAsync(Scopes, bound: false);

        var refusal = await RefusalAsync(server, unbound.GrpcHeaders(server.AuthorizeRpcUri));

        Assert.Equal(StatusCode.Unauthenticated, refusal.StatusCode);
        Assert.Equal(RtaBindingReasons.SessionUnbound, LiveStreams.Reason(refusal));
    }

    internal static Metadata WithBinding(string token, string binding) =>
        new() { { "authorization", "RTA " + token }, { RtaBindingNames.StreamBindingMetadata, binding } };

    internal static async Task<AuthorizeResponse> AuthorizeAsync(LiveServer server, Metadata headers) =>
        await server.Client.AuthorizeAsync(LiveAuthorizeTests.Read("documents"), headers, deadline: DateTime.UtcNow + LiveServer.Timeout);

    internal static Task<RpcException> RefusalAsync(LiveServer server, Metadata headers) =>
        Assert.ThrowsAsync<RpcException>(() => AuthorizeAsync(server, headers));
}
