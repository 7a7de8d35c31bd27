using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using RealTimeAuth.IntegrationTests.Infrastructure;
using RealTimeAuth.Sdk;
using RealTimeAuth.Server.Events;
using RealTimeAuth.Server.Sessions;
using RealTimeAuth.Testing;
using RealTimeAuth.Testing.Hosting;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace RealTimeAuth.IntegrationTests.Faults.Data;

/// <summary>
/// Redis, the replicas' announcement bus and the exchange's replay store, is killed with SIGKILL in the middle of a
/// revocation storm over two replicas and later restarted empty (ADR 0021). The test owns its redis-server.
/// </summary>
[Collection(InfrastructureCollection.Name)]
[Trait("Tier", "Functional")]
public sealed class RedisOutageTests(InfrastructureFixture infrastructure, DevIdpFixture idp, ITestOutputHelper output)
{
    private const int AgentsPerReplica = 5;

    // Long enough that a revocation arriving well inside it came by the Redis announcement, not by the poll.
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task RedisKilledMidStorm_EveryAgentRevokedThroughTheLog_AndRestartRestoresAnnouncementsAndExchanges()
    {
        using var timeout = TestTimeouts.Start();
        var testStarted = Stopwatch.GetTimestamp();
        await using var redis = await OwnedRedis.StartAsync();
        var database = await infrastructure.CreateDatabaseAsync("fault_redis");
        await using var cluster = ServerCluster.Create(database, redis.ConnectionString, idp, new Dictionary<string, string?>
        {
            ["Replica:PollInterval"] = PollInterval.ToString(),
            ["Replica:MaxStaleness"] = "00:00:04",
        });
        var a = await cluster.StartReplicaAsync();
        var b = await cluster.StartReplicaAsync();
        using var factoryA = Agents.CopilotFactory(cluster, a);
        using var factoryB = Agents.CopilotFactory(cluster, b);
        var userToken = await idp.UserAccessTokenAsync(timeout.Token);
        var onA = await OutageCalls.ConnectAgentsAsync(factoryA, userToken, AgentsPerReplica, timeout.Token);
        var onB = await OutageCalls.ConnectAgentsAsync(factoryB, userToken, AgentsPerReplica, timeout.Token);
        var adminToken = await idp.AdminAccessTokenAsync(timeout.Token);
        output.WriteLine($"Two replicas and {2 * AgentsPerReplica} agents ready after {Stopwatch.GetElapsedTime(testStarted).TotalMilliseconds:0} ms.");
        var started = new Dictionary<string, long>();

        // The storm: single revocations, each made on the replica the agent is not connected to, one after another.
        var storm = new List<(ServerHost Replica, RtaClient Agent)> { (a, onB[0].Client), (b, onA[0].Client), (a, onB[1].Client), (b, onA[1].Client) };
        var firstDone = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var stormTask = Task.Run(async () =>
        {
            foreach (var (replica, agent) in storm)
            {
                lock (started)
                {
                    started[agent.SessionId] = Stopwatch.GetTimestamp();
                }

                var (status, body, _) = await OutageCalls.RevokeSessionAsync(replica, adminToken, agent.SessionId, "storm", timeout.Token);
                Assert.True(status == HttpStatusCode.OK, $"{status} {body}");
                firstDone.TrySetResult();
            }
        });
        await firstDone.Task.WaitAsync(timeout.Token);
        var killedAt = Stopwatch.GetTimestamp();
        await redis.KillAsync();
        await stormTask.WaitAsync(timeout.Token);

        // Everyone else at once, while Redis is still dead.
        var userWide = Stopwatch.GetTimestamp();
        var rest = onA.Skip(2).Concat(onB.Skip(2)).ToList();
        rest.ForEach(agent => started[agent.Client.SessionId] = userWide);
        var (userStatus, userBody, _) = await OutageCalls.RevokeUserAsync(a, adminToken, cluster.Issuer, "user-wide during outage", timeout.Token);
        Assert.True(userStatus == HttpStatusCode.OK, $"{userStatus} {userBody}");

        var all = onA.Concat(onB).ToList();
        foreach (var (client, probe) in all)
        {
            var revoked = await probe.Revoked.WaitAsync(TestTimeouts.Push, timeout.Token);
            Assert.True(revoked.Pushed, $"{client.SessionId} was not pushed its revocation.");
        }

        var latencies = all.Select(agent => (
            OnB: onB.Contains(agent),
            Ms: Stopwatch.GetElapsedTime(started[agent.Client.SessionId], agent.Probe.RevokedAtTimestamp).TotalMilliseconds)).ToList();
        output.WriteLine(
            $"Redis dead: revocation -> push on the agents of B (made on A, poll path): max {latencies.Where(l => l.OnB).Max(l => l.Ms):0} ms, "
            + $"on A's agents: max {latencies.Where(l => !l.OnB).Max(l => l.Ms):0} ms (PollInterval {PollInterval.TotalMilliseconds:0} ms); "
            + $"killed {Stopwatch.GetElapsedTime(killedAt).TotalMilliseconds:0} ms ago.");

        // No revocation lost: both replicas hold every session revoked, and both still prove they are current via the log.
        foreach (var replica in new[] { a, b })
        {
            var cache = replica.Service<SessionCache>();
            Assert.All(all, agent => Assert.Equal(SessionStatus.Revoked, cache.Find(Guid.Parse(agent.Client.SessionId))?.Status));
            Assert.True(replica.Service<IReplicaCurrency>().IsCurrent, $"{replica.Name} lost currency while only Redis was down.");
            Assert.Equal(HealthStatus.Unhealthy, await OutageCalls.HealthAsync(replica, "redis", timeout.Token));
        }

        // An exchange needs the replay store: a clear, prompt OAuth refusal, never a 500 or a hang.
        var exchangeStarted = Stopwatch.GetTimestamp();
        using var http = a.CreateHttpClient();
        var refused = await ExchangeRequests.PostAsync(
            http, ExchangeRequests.FromUserToken(userToken), ExchangeRequests.Basic(ServerCluster.CopilotClientId, cluster.CopilotSecret), timeout.Token);
        output.WriteLine($"Exchange with Redis dead: {refused} in {Stopwatch.GetElapsedTime(exchangeStarted).TotalMilliseconds:0} ms.");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.Status);
        Assert.Equal("temporarily_unavailable", refused.Error);
        Assert.NotNull(refused.RetryAfter);

        // Restart, empty: subscriptions come back by themselves, and so do exchanges and announcements.
        var restarted = Stopwatch.GetTimestamp();
        await redis.RestartAsync();
        using var probeRedis = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        var server = probeRedis.GetServer(probeRedis.GetEndPoints()[0]);
        Assert.True(
            await Eventually.UntilAsync(
                async () => await server.SubscriptionSubscriberCountAsync(EventAnnouncer.Channel) == 2
                    && await server.SubscriptionSubscriberCountAsync(RedisChannel.Literal("rta:streams:opened")) == 2
                    && await OutageCalls.HealthAsync(a, "redis", timeout.Token) == HealthStatus.Healthy
                    && await OutageCalls.HealthAsync(b, "redis", timeout.Token) == HealthStatus.Healthy,
                TimeSpan.FromSeconds(30), timeout.Token),
            "The replicas did not subscribe again after Redis restarted.");
        var recovered = Stopwatch.GetElapsedTime(restarted);

        await using var afterB = await factoryB.ConnectAsync(new RtaSessionRequest { SubjectToken = userToken, Scopes = ["records:read"] }, timeout.Token);
        using var afterProbe = new AgentProbe(afterB);
        await afterProbe.WaitForStateAsync(RtaConnectionState.Connected, TestTimeouts.Push);
        var afterStarted = Stopwatch.GetTimestamp();
        var (afterStatus, _, _) = await OutageCalls.RevokeSessionAsync(a, adminToken, afterB.SessionId, "after restart", timeout.Token);
        await afterProbe.Revoked.WaitAsync(TestTimeouts.Push, timeout.Token);
        var afterLatency = Stopwatch.GetElapsedTime(afterStarted, afterProbe.RevokedAtTimestamp);
        output.WriteLine(
            $"Redis restarted: replicas subscribed and healthy again after {recovered.TotalMilliseconds:0} ms; "
            + $"a revocation made on A reached an agent on B in {afterLatency.TotalMilliseconds:0} ms.");
        Assert.Equal(HttpStatusCode.OK, afterStatus);
        Assert.True(afterLatency < PollInterval, $"After the restart a revocation took {afterLatency.TotalMilliseconds:0} ms: it came by the poll, not the announcement.");

        foreach (var (client, probe) in all)
        {
            probe.Dispose();
            await client.DisposeAsync();
        }
    }
}
