using System.Net;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RealTimeAuth.Protocol.Binding;
using RealTimeAuth.Protocol.Grpc;
using RealTimeAuth.Server.Data;
using RealTimeAuth.Server.Events;
using RealTimeAuth.Server.Sessions;
using RealTimeAuth.Testing;
using Kind = RealTimeAuth.Protocol.Grpc.ServerMessage.KindOneofCase;

namespace RealTimeAuth.Server.Tests.Live;

/// <summary>
/// Once the client acknowledged a refreshed token on its stream, the session's older tokens are refused
/// (<c>token-superseded</c>) after the grace, on every replica, while the stream itself goes on. The server's clock is
/// fake: a one-minute freshness window whose refresh falls due after six seconds, and a five-second grace.
/// </summary>
[Collection(InfrastructureCollection.Name)]
[Trait("Tier", "Functional")]
public sealed class TokenRetirementTests(InfrastructureFixture infrastructure)
{
    private static readonly string[] Scopes = ["documents:read"];
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(5);

    private static readonly Dictionary<string, string> Settings = new()
    {
        ["Tokens:FreshnessWindow"] = "00:01:00",
        ["LiveChannel:RefreshAt"] = "0.1",
        ["LiveChannel:TokenRetirementGrace"] = Grace.ToString(),
        ["Replica:MaxStaleness"] = "00:01:00",
    };

    [Fact]
    public async Task OlderToken_AfterTheRefreshIsAcknowledgedAndTheGrace_IsRefusedOnGrpcAndHttpWhileTheStreamGoesOn()
    {
        var clock = new ServerClock();
        await using var server = await LiveServer.StartAsync(infrastructure, "retire_one", Settings, clock.Configure);
        var agent = await server.CreateSessionAsync(Scopes);
        using var client = server.CreateHttpClient();
        await server.AdvanceAsync(clock, TimeSpan.FromSeconds(6.5));
        using var stream = await LiveStreams.OpenAsync(server, agent);
        var binding = await LiveStreams.BindingAsync(stream);

        var refresh = await AcknowledgeRefreshAsync(server, agent, stream);
        var duringGrace = await AuthorizeAsync(server, agent, agent.Token);
        await server.AdvanceAsync(clock, Grace);
        var grpc = await Assert.ThrowsAsync<RpcException>(() => AuthorizeAsync(server, agent, agent.Token));
        var overBinding = await StreamBindingTests.RefusalAsync(server, StreamBindingTests.WithBinding(agent.Token, binding));
        using var http = await LiveHttp.PostAuthorizeAsync(server, client, agent);
        var fresh = await AuthorizeAsync(server, agent, refresh.Token);

        Assert.True(duringGrace.Decision);
        Assert.Equal(StatusCode.Unauthenticated, grpc.StatusCode);
        Assert.Equal(RtaBindingReasons.TokenSuperseded, LiveStreams.Reason(grpc));
        Assert.Equal(RtaBindingReasons.TokenSuperseded, LiveStreams.Reason(overBinding));
        Assert.Equal(HttpStatusCode.Unauthorized, http.StatusCode);
        Assert.Equal(RtaBindingReasons.TokenSuperseded, await BoundHttpTests.ReasonAsync(http));
        Assert.True(fresh.Decision);
        Assert.True((await StreamBindingTests.AuthorizeAsync(server, StreamBindingTests.WithBinding(refresh.Token, binding))).Decision);
        await server.RevokeAsync(agent.Session.Id);
        Assert.Equal(Kind.Revocation, (await LiveStreams.NextOfKindAsync(stream, Kind.Revocation)).KindCase);
    }

    [Fact]
    public async Task OlderToken_AfterTheRefreshIsAcknowledgedOnOneReplica_IsRefusedOnTheOther()
    {
        var clock = new ServerClock();
        var (first, second) = await LiveServer.StartPairAsync(infrastructure, "retire_replicas", Settings, clock.Configure);
        await using (first)
        await using (second)
        {
            var agent = await first.CreateSessionAsync(Scopes);
            var elsewhere = second.Service<SessionCache>();
            Assert.True(await LiveServer.EventuallyAsync(() => elsewhere.Find(agent.Session.Id) is not null));
            await first.AdvanceAsync(clock, TimeSpan.FromSeconds(6.5));
            using var stream = await LiveStreams.OpenAsync(first, agent);

            var refresh = await AcknowledgeRefreshAsync(first, agent, stream);
            Assert.True(await LiveServer.EventuallyAsync(() => elsewhere.Find(agent.Session.Id)?.TokenCutoff?.Before == refresh.TokenSequence));
            var duringGrace = await AuthorizeAsync(second, agent, agent.Token);
            await first.AdvanceAsync(clock, Grace);
            await second.AdvanceAsync(clock, TimeSpan.Zero);
            var refused = await Assert.ThrowsAsync<RpcException>(() => AuthorizeAsync(second, agent, agent.Token));
            var fresh = await AuthorizeAsync(second, agent, refresh.Token);

            Assert.True(duringGrace.Decision);
            Assert.Equal(RtaBindingReasons.TokenSuperseded, LiveStreams.Reason(refused));
            Assert.True(fresh.Decision);
        }
    }

    [Fact]
    public async Task Retirement_OnAReplicaStartedAfterIt_IsLoadedFromTheLog()
    {
        var clock = new ServerClock();
        var (first, second) = await LiveServer.StartPairAsync(infrastructure, "retire_late_replica", Settings, clock.Configure);
        await using (first)
        await using (second)
        {
            var agent = await first.CreateSessionAsync(Scopes);
            await first.AdvanceAsync(clock, TimeSpan.FromSeconds(6.5));
            using var stream = await LiveStreams.OpenAsync(first, agent);
            var refresh = await AcknowledgeRefreshAsync(first, agent, stream);

            await using var late = await first.StartAnotherReplicaAsync(infrastructure);
            await late.AdvanceAsync(clock, Grace);
            var refused = await Assert.ThrowsAsync<RpcException>(() => AuthorizeAsync(late, agent, agent.Token));

            Assert.Equal(refresh.TokenSequence, late.Service<SessionCache>().Find(agent.Session.Id)?.TokenCutoff?.Before);
            Assert.Equal(RtaBindingReasons.TokenSuperseded, LiveStreams.Reason(refused));
        }
    }

    [Fact]
    public async Task HotPaths_WriteNothing_OnlyTheAcknowledgedRefreshAppendsOneEntry()
    {
        var clock = new ServerClock();
        await using var server = await LiveServer.StartAsync(infrastructure, "retire_writes", Settings, clock.Configure);
        var agent = await server.CreateSessionAsync(Scopes);
        using var client = server.CreateHttpClient();
        using var stream = await LiveStreams.OpenAsync(server, agent);
        var binding = await LiveStreams.BindingAsync(stream);
        await LiveStreams.NextOfKindAsync(stream, Kind.Heartbeat);
        var before = await WritesAsync(server, agent.Session.Id);

        for (var i = 0; i < 20; i++)
        {
            Assert.True((await StreamBindingTests.AuthorizeAsync(server, StreamBindingTests.WithBinding(agent.Token, binding))).Decision);
            Assert.True((await AuthorizeAsync(server, agent, agent.Token)).Decision);
            using var http = await LiveHttp.PostAuthorizeAsync(server, client, agent);
            Assert.Equal(HttpStatusCode.OK, http.StatusCode);
        }

        var afterDecisions = await WritesAsync(server, agent.Session.Id);
        stream.Dispose();
        Assert.True(await LiveServer.EventuallyAsync(() => server.Service<Server.Live.StreamHub>().ConnectionsOf(agent.Session.Id).Count == 0));
        await server.AdvanceAsync(clock, TimeSpan.FromSeconds(6.5));
        using var reconnected = await LiveStreams.OpenAsync(server, agent);
        await AcknowledgeRefreshAsync(server, agent, reconnected);
        var afterAck = await WritesAsync(server, agent.Session.Id);

        Assert.Equal(before, afterDecisions);
        Assert.Equal(before.Entries + 1, afterAck.Entries);
        Assert.Equal(RtaEventTypes.SessionTokenRetired, afterAck.LastType);
    }

    /// <summary>Reads the refresh due at once on a new stream, acknowledges it, and waits until this replica applied the retirement.</summary>
    private static async Task<TokenRefresh> AcknowledgeRefreshAsync(
        LiveServer server, TestAgentSession agent, AsyncDuplexStreamingCall<ClientMessage, ServerMessage> stream)
    {
        var message = await LiveStreams.NextOfKindAsync(stream, Kind.TokenRefresh);
        await stream.RequestStream.WriteAsync(new ClientMessage { Ack = new Ack { Sequence = message.Sequence } }).WaitAsync(LiveServer.Timeout);
        var cache = server.Service<SessionCache>();
        Assert.True(await LiveServer.EventuallyAsync(() => cache.Find(agent.Session.Id)?.TokenCutoff?.Before == message.TokenRefresh.TokenSequence));
        return message.TokenRefresh;
    }

    private static async Task<AuthorizeResponse> AuthorizeAsync(LiveServer server, TestAgentSession agent, string token) =>
        await server.Client.AuthorizeAsync(
            LiveAuthorizeTests.Read("documents"), agent.GrpcHeaders(server.AuthorizeRpcUri, token), deadline: DateTime.UtcNow + LiveServer.Timeout);

    /// <summary>What a write would change: the log's entries and the session's row.</summary>
    private static async Task<(int Entries, string? LastType, long TokenSequence, DateTimeOffset UpdatedAt)> WritesAsync(LiveServer server, Guid sessionId)
    {
        await using var scope = server.Factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RtaDbContext>();
        var entries = await db.EventLog.CountAsync();
        var last = await db.EventLog.OrderByDescending(entry => entry.Sequence).Select(entry => entry.Type).FirstOrDefaultAsync();
        var row = await db.Sessions.AsNoTracking().SingleAsync(session => session.Id == sessionId);
        return (entries, last, row.TokenSequence, row.UpdatedAt);
    }
}
