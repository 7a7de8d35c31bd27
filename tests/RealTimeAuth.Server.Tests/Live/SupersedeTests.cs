using Grpc.Core;
using RealTimeAuth.Protocol.Live;
using RealTimeAuth.Server.Live;
using RealTimeAuth.Server.Sessions;
using RealTimeAuth.Testing;
using Kind = RealTimeAuth.Protocol.Grpc.ServerMessage.KindOneofCase;

namespace RealTimeAuth.Server.Tests.Live;

/// <summary>One key holds one live stream: a newer stream opened with a valid proof closes the older ones, on any replica.</summary>
[Collection(InfrastructureCollection.Name)]
[Trait("Tier", "Functional")]
public sealed class SupersedeTests(InfrastructureFixture infrastructure)
{
    private static readonly string[] Scopes = ["documents:read"];

    [Fact]
    public async Task Connect_SecondStreamWithValidProof_ClosesTheFirstAsSuperseded()
    {
        await using var server = await LiveServer.StartAsync(infrastructure, "supersede_grpc");
        var agent = await server.CreateSessionAsync(Scopes);
        using var first = await LiveStreams.OpenAsync(server, agent);
        var firstBinding = await LiveStreams.BindingAsync(first);
        await LiveStreams.NextOfKindAsync(first, Kind.Heartbeat);

        using var second = await LiveStreams.OpenAsync(server, agent);
        await LiveStreams.NextOfKindAsync(second, Kind.Heartbeat);
        var closed = await EndOfAsync(first);

        Assert.Equal(StatusCode.Aborted, closed.StatusCode);
        Assert.Equal(RtaStreamCloseReasons.Superseded, LiveStreams.Reason(closed));
        Assert.True(await LiveServer.EventuallyAsync(() => server.Service<StreamHub>().ConnectionsOf(agent.Session.Id).Count == 1));
        var stale = await StreamBindingTests.RefusalAsync(server, StreamBindingTests.WithBinding(agent.Token, firstBinding));
        Assert.Equal(Protocol.Binding.RtaBindingReasons.StreamBindingUnknown, LiveStreams.Reason(stale));
    }

    [Fact]
    public async Task Connect_SecondStreamWithoutValidProof_LeavesTheFirstUntouched()
    {
        await using var server = await LiveServer.StartAsync(infrastructure, "supersede_refused");
        var agent = await server.CreateSessionAsync(Scopes);
        var attacker = await server.CreateSessionAsync(Scopes);
        using var first = await LiveStreams.OpenAsync(server, agent);
        var binding = await LiveStreams.BindingAsync(first);
        await LiveStreams.NextOfKindAsync(first, Kind.Heartbeat);

        using var bare = await LiveStreams.OpenAsync(server, LiveStreams.Authorization(agent.Token));
        using var foreignKey = await LiveStreams.OpenAsync(
            server, BoundStreamTests.Headers(agent.Token, attacker.Proof("POST", server.ConnectUri, agent.Token)));
        await LiveStreams.RefusalAsync(bare);
        await LiveStreams.RefusalAsync(foreignKey);

        var connection = Assert.Single(server.Service<StreamHub>().ConnectionsOf(agent.Session.Id));
        Assert.Null(connection.DropReason);
        Assert.True((await StreamBindingTests.AuthorizeAsync(server, StreamBindingTests.WithBinding(agent.Token, binding))).Decision);
        await server.RevokeAsync(agent.Session.Id);
        Assert.Equal(Kind.Revocation, (await LiveStreams.NextOfKindAsync(first, Kind.Revocation)).KindCase);
    }

    [Fact]
    public async Task Connect_GrpcStreamWithValidProof_EndsTheSessionsSseStream()
    {
        await using var server = await LiveServer.StartAsync(infrastructure, "supersede_sse");
        var agent = await server.CreateSessionAsync(Scopes);
        using var client = server.CreateHttpClient();
        using var sse = await LiveHttp.OpenEventsAsync(server, client, agent);
        using var events = new SseReader(await sse.Content.ReadAsStreamAsync());
        await events.NextOfTypeAsync(LiveEventJson.HeartbeatEvent);
        var hub = server.Service<StreamHub>();
        var sseConnection = Assert.Single(hub.ConnectionsOf(agent.Session.Id));

        using var grpc = await LiveStreams.OpenAsync(server, agent);
        await LiveStreams.NextOfKindAsync(grpc, Kind.Heartbeat);

        Assert.Equal(RtaStreamCloseReasons.Superseded, sseConnection.DropReason);
        // The response is aborted: the body ends, at once or with an error, and brings no more events.
        var ended = await Record.ExceptionAsync(async () =>
        {
            while (await events.NextAsync() is { Type: LiveEventJson.HeartbeatEvent })
            {
            }
        });
        Assert.IsNotAssignableFrom<OperationCanceledException>(ended);
        Assert.True(await LiveServer.EventuallyAsync(() => hub.ConnectionsOf(agent.Session.Id) is [{ Transport: LiveChannelService.Transport }]));
    }

    [Fact]
    public async Task Connect_OnAnotherReplica_ClosesTheStreamOnTheFirstAsSuperseded()
    {
        var (first, second) = await LiveServer.StartPairAsync(infrastructure, "supersede_replicas");
        await using (first)
        await using (second)
        {
            var agent = await first.CreateSessionAsync(Scopes);
            Assert.True(await LiveServer.EventuallyAsync(() => second.Service<SessionCache>().Find(agent.Session.Id) is not null));
            using var onFirst = await LiveStreams.OpenAsync(first, agent);
            await LiveStreams.NextOfKindAsync(onFirst, Kind.Heartbeat);

            using var onSecond = await LiveStreams.OpenAsync(second, agent);
            await LiveStreams.NextOfKindAsync(onSecond, Kind.Heartbeat);
            var closed = await EndOfAsync(onFirst);

            Assert.Equal(StatusCode.Aborted, closed.StatusCode);
            Assert.Equal(RtaStreamCloseReasons.Superseded, LiveStreams.Reason(closed));
            Assert.Single(second.Service<StreamHub>().ConnectionsOf(agent.Session.Id));
            Assert.True(await LiveServer.EventuallyAsync(() => first.Service<StreamHub>().ConnectionsOf(agent.Session.Id).Count == 0));
        }
    }

    /// <summary>Reads past heartbeats until the server ends the stream with an error status.</summary>
    private static async Task<RpcException> EndOfAsync(AsyncDuplexStreamingCall<Protocol.Grpc.ClientMessage, Protocol.Grpc.ServerMessage> call)
    {
        using var deadline = new CancellationTokenSource(LiveServer.Timeout);
        return await Assert.ThrowsAsync<RpcException>(async () =>
        {
            while (await call.ResponseStream.MoveNext(deadline.Token))
            {
                Assert.Equal(Kind.Heartbeat, call.ResponseStream.Current.KindCase);
            }
        });
    }
}
