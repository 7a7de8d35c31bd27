using System.Diagnostics;
using RealTimeAuth.IntegrationTests.Infrastructure;
using RealTimeAuth.Protocol.Live;
using RealTimeAuth.Sdk;
using RealTimeAuth.Testing;
using RealTimeAuth.Testing.Hosting;
using Xunit.Abstractions;

namespace RealTimeAuth.IntegrationTests.Replicas;

/// <summary>
/// Two server replicas on one database and one Redis: the co-pilot's session lives on replica A, its agents
/// hold their streams on replica B, and admins revoke on A. B learns of each change from the Redis
/// announcement or, with Redis gone, from its poll of the event log.
/// </summary>
[Collection(InfrastructureCollection.Name)]
[Trait("Tier", "Functional")]
public sealed class ReplicaRevocationTests(InfrastructureFixture infrastructure, DevIdpFixture idp, ITestOutputHelper output)
{
    [Fact]
    public async Task RevokingCopilotOnReplicaA_AgentStreamingFromReplicaB_ReceivesRevocation()
    {
        using var timeout = TestTimeouts.Start();
        await using var cluster = await ServerCluster.CreateAsync(infrastructure, idp, "replicas");
        var replicaA = await cluster.StartReplicaAsync();
        var replicaB = await cluster.StartReplicaAsync();
        using var factoryA = Agents.CopilotFactory(cluster, replicaA);
        using var factoryB = Agents.AgentFactory(cluster, replicaB);
        await using var copilot = await factoryA.ConnectAsync(
            new RtaSessionRequest { SubjectToken = await idp.UserAccessTokenAsync(timeout.Token), Scopes = ["records:read", "todos:read"] },
            timeout.Token);
        await using var agent = await ReplicaAgents.DelegateOnAsync(replicaB, factoryB, copilot, "agent-on-b", timeout.Token);
        using var probe = new AgentProbe(agent);
        await probe.WaitForStateAsync(RtaConnectionState.Connected, TestTimeouts.Push);
        var adminToken = await idp.AdminAccessTokenAsync(timeout.Token);

        var started = Stopwatch.GetTimestamp();
        var revocation = await AdminApi.RevokeSessionAsync(replicaA, adminToken, copilot.SessionId, "revoked on A", timeout.Token);
        var revoked = await probe.Revoked.WaitAsync(TestTimeouts.Push, timeout.Token);

        output.WriteLine(
            $"Revocation on A reached the agent on B {Stopwatch.GetElapsedTime(started, probe.RevokedAtTimestamp).TotalMilliseconds:0.0} ms after the revoke call started "
            + $"({(revoked.ReceivedAt - revoked.EventTime!.Value).TotalMilliseconds:0} ms after commit).");
        Assert.Contains(Guid.Parse(agent.SessionId), revocation.RevokedSessionIds);
        Assert.True(revoked.Pushed);
        Assert.Equal(revocation.EventSequence, revoked.EventSequence);
        Assert.Equal("revoked on A", revoked.Detail);
        LiveTokenRefusalAssert(await LiveCalls.AuthorizeAsync(replicaB, LiveTransport.Grpc, agent.CurrentToken, "read", "records", timeout.Token));
    }

    [OwnedRedisFact]
    public async Task RevokingOnReplicaA_WhileRedisIsDown_StillReachesAgentOnReplicaBByPollingTheLog()
    {
        using var timeout = TestTimeouts.Start();
        await using var cluster = await ServerCluster.CreateAsync(infrastructure, idp, "redisdown");
        var replicaA = await cluster.StartReplicaAsync();
        var replicaB = await cluster.StartReplicaAsync();
        using var factoryA = Agents.CopilotFactory(cluster, replicaA);
        using var factoryB = Agents.AgentFactory(cluster, replicaB);
        await using var copilot = await factoryA.ConnectAsync(
            new RtaSessionRequest { SubjectToken = await idp.UserAccessTokenAsync(timeout.Token), Scopes = ["records:read"] }, timeout.Token);
        // Every exchange needs Redis (its nonce store), so all agents connect before the outage.
        await using var beforeOutage = await ReplicaAgents.DelegateOnAsync(replicaB, factoryB, copilot, "before-outage", timeout.Token);
        await using var duringOutage = await ReplicaAgents.DelegateOnAsync(replicaB, factoryB, copilot, "during-outage", timeout.Token);
        await using var afterRestart = await ReplicaAgents.DelegateOnAsync(replicaB, factoryB, copilot, "after-restart", timeout.Token);
        var adminToken = await idp.AdminAccessTokenAsync(timeout.Token);

        try
        {
            var withRedis = await RevokeAndMeasureAsync(replicaA, adminToken, beforeOutage, "Redis up", timeout.Token);

            await infrastructure.StopRedisAsync().WaitAsync(TestTimeouts.Startup, timeout.Token);
            var withoutRedis = await RevokeAndMeasureAsync(replicaA, adminToken, duringOutage, "Redis down", timeout.Token);

            await infrastructure.StartRedisAsync().WaitAsync(TestTimeouts.Startup, timeout.Token);
            var afterRedis = await RevokeAndMeasureAsync(replicaA, adminToken, afterRestart, "Redis restarted (empty)", timeout.Token);

            // The bound that matters: with Redis down, B still stops the agent within a few poll intervals.
            Assert.True(withoutRedis < TestTimeouts.Push, $"Took {withoutRedis.TotalMilliseconds:0} ms with Redis down.");
            Assert.True(withRedis < TestTimeouts.Push && afterRedis < TestTimeouts.Push);
        }
        finally
        {
            await infrastructure.StartRedisAsync().WaitAsync(TestTimeouts.Startup, CancellationToken.None);
        }
    }

    /// <summary>Revokes the agent's session on <paramref name="replica"/> and returns how long until the agent's Revoked event.</summary>
    private async Task<TimeSpan> RevokeAndMeasureAsync(
        ServerHost replica, string adminToken, RtaClient agent, string phase, CancellationToken cancellationToken)
    {
        using var probe = new AgentProbe(agent);
        await probe.WaitForStateAsync(RtaConnectionState.Connected, TestTimeouts.Push);
        var started = Stopwatch.GetTimestamp();
        var revoke = AdminApi.RevokeSessionAsync(replica, adminToken, agent.SessionId, phase, cancellationToken);
        var revoked = await probe.Revoked.WaitAsync(TestTimeouts.Push, cancellationToken);
        var latency = Stopwatch.GetElapsedTime(started, probe.RevokedAtTimestamp);
        var revocation = await revoke;
        var callDuration = Stopwatch.GetElapsedTime(started);

        output.WriteLine(
            $"{phase}: revocation made on {replica.Name} reached the agent on B after {latency.TotalMilliseconds:0.0} ms "
            + $"({(revoked.ReceivedAt - revoked.EventTime!.Value).TotalMilliseconds:0} ms after commit); the revoke call took {callDuration.TotalMilliseconds:0} ms.");
        Assert.True(revoked.Pushed);
        Assert.Equal(revocation.EventSequence, revoked.EventSequence);
        Assert.Equal(phase, revoked.Detail);
        return latency;
    }

    private static void LiveTokenRefusalAssert(LiveAnswer answer) =>
        Assert.True(answer is { Refused: true, Reason: RtaRevocationReasons.SessionRevoked }, answer.ToString());
}
