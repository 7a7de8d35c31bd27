using System.Diagnostics;
using Grpc.Core;
using RealTimeAuth.IntegrationTests.Infrastructure;
using RealTimeAuth.Protocol.Grpc;
using RealTimeAuth.Protocol.Live;
using RealTimeAuth.Sdk;
using RealTimeAuth.Server.Sessions;
using RealTimeAuth.Server.Sessions.Lifetimes;
using RealTimeAuth.Testing;
using RealTimeAuth.Testing.Hosting;
using Xunit.Abstractions;

namespace RealTimeAuth.IntegrationTests.Faults.Live;

/// <summary>
/// A raw gRPC client opens its session's stream and then reads nothing, while the other agents of the replica are
/// revoked in a storm. The storm must not wait for it, and the server must close it with <c>stream-stalled</c> once
/// <c>LiveChannel:MaxPendingMessages</c> messages went unacknowledged, its session left active.
/// </summary>
[Collection(InfrastructureCollection.Name)]
[Trait("Tier", "Functional")]
public sealed class SlowConsumerTests(InfrastructureFixture infrastructure, DevIdpFixture idp, ITestOutputHelper output)
{
    private const int MaxPendingMessages = 16;
    private const int StormAgents = 12;
    private static readonly TimeSpan HeartbeatInterval = TimeSpan.FromMilliseconds(200);

    // Generous for a loaded 2-core machine; a fan-out that waited on the stalled stream would never finish.
    private static readonly TimeSpan StormBound = TimeSpan.FromSeconds(3);

    [Fact]
    public async Task StreamNeverRead_OthersRevokedInStorm_StormUndelayedAndStalledStreamClosedWithReason()
    {
        using var timeout = TestTimeouts.Start();
        await using var cluster = await ServerCluster.CreateAsync(infrastructure, idp, "slowconsumer", new Dictionary<string, string?>
        {
            ["LiveChannel:HeartbeatInterval"] = HeartbeatInterval.ToString(),
            ["LiveChannel:MaxPendingMessages"] = MaxPendingMessages.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        var replica = await cluster.StartReplicaAsync();
        var userToken = await idp.UserAccessTokenAsync(timeout.Token);
        using var factory = Agents.CopilotFactory(cluster, replica);
        var agents = new List<RtaClient>();
        var probes = new List<AgentProbe>();
        try
        {
            for (var index = 0; index < StormAgents; index++)
            {
                var agent = await factory.ConnectAsync(new RtaSessionRequest { SubjectToken = userToken, Scopes = ["records:read"] }, timeout.Token);
                agents.Add(agent);
                probes.Add(new AgentProbe(agent));
            }

            await Task.WhenAll(probes.Select(probe => probe.WaitForStateAsync(RtaConnectionState.Connected, TestTimeouts.Push)));

            var slow = await ExchangeRequests.IssueAsync(cluster, replica, userToken, "records:read", timeout.Token);
            var slowSession = Guid.Parse(slow.SessionId!);
            var target = new Uri(replica.GrpcAddress, "realtimeauth.v1.LiveChannel/Connect");
            var headers = new Metadata { { "authorization", $"RTA {slow.AccessToken}" }, { "dpop", slow.Key!.Prove(HttpMethod.Post, target, slow.AccessToken) } };
            using var stalled = replica.LiveChannel.Connect(headers, cancellationToken: timeout.Token);
            await stalled.RequestStream.WriteAsync(new ClientMessage { Hello = new Hello() }, timeout.Token);
            var openStreams = replica.Service<IOpenStreams>();
            Assert.True(await Eventually.UntilAsync(() => openStreams.SessionsWithOpenStreams().Contains(slowSession), TestTimeouts.Push, timeout.Token));

            // The storm: every other agent revoked at once while the stalled stream holds unread messages.
            var adminToken = await idp.AdminAccessTokenAsync(timeout.Token);
            using var admin = replica.CreateHttpClient();
            var started = Stopwatch.GetTimestamp();
            await Task.WhenAll(agents.Select(agent => AdminApi.RevokeSessionAsync(admin, adminToken, agent.SessionId, "storm", timeout.Token)));
            var revocations = await Task.WhenAll(probes.Select(probe => probe.Revoked.WaitAsync(StormBound * 2, timeout.Token)));
            var stormTook = Stopwatch.GetElapsedTime(started);
            var latencies = revocations.Select(revoked => (revoked.ReceivedAt - revoked.EventTime!.Value).TotalMilliseconds).Order().ToArray();

            Assert.True(
                await Eventually.UntilAsync(() => !openStreams.SessionsWithOpenStreams().Contains(slowSession), HeartbeatInterval * (MaxPendingMessages + 2) + TestTimeouts.Push, timeout.Token),
                "the stalled stream is still open");
            Assert.True(replica.Service<SessionCache>().Find(slowSession) is { IsActive: true }, "closing a stalled stream does not end its session");

            // Reading now, the client finds what the server sent before it gave up, then the reason.
            var delivered = 0;
            var closed = await Assert.ThrowsAsync<RpcException>(async () =>
            {
                while (await stalled.ResponseStream.MoveNext(timeout.Token))
                {
                    delivered++;
                }
            });

            output.WriteLine(
                $"Storm of {StormAgents} revocations beside a stalled stream: all pushed within {stormTook.TotalMilliseconds:0} ms of the first call; "
                + $"commit to push p50 {latencies[latencies.Length / 2]:0} ms, max {latencies[^1]:0} ms. "
                + $"The stalled stream got {delivered} messages (limit {MaxPendingMessages} unacknowledged), then {closed.StatusCode} {closed.Trailers.GetValue("rta-reason")}.");
            Assert.True(latencies[^1] < StormBound.TotalMilliseconds, $"a revocation took {latencies[^1]:0} ms to reach its agent");
            Assert.Equal(StatusCode.ResourceExhausted, closed.StatusCode);
            Assert.Equal(RtaStreamCloseReasons.StreamStalled, closed.Trailers.GetValue("rta-reason"));
            Assert.InRange(delivered, 1, MaxPendingMessages);
        }
        finally
        {
            foreach (var (agent, probe) in agents.Zip(probes))
            {
                probe.Dispose();
                await agent.DisposeAsync();
            }
        }
    }
}
