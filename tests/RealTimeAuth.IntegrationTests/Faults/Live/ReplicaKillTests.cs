using System.Diagnostics;
using RealTimeAuth.IntegrationTests.Infrastructure;
using RealTimeAuth.Sdk;
using RealTimeAuth.Testing;
using RealTimeAuth.Testing.Hosting;
using Xunit.Abstractions;

namespace RealTimeAuth.IntegrationTests.Faults.Live;

/// <summary>
/// A replica in its own process is killed with SIGKILL under its agents. Each agent knows the survivor's live channel
/// address (<see cref="RtaClientOptions.LiveChannelFallbackAddresses"/>) and must move there by itself, keep its session,
/// and resume its message sequence: a revocation made while it was cut off, and one made after it came back, each arrive once.
/// </summary>
[Collection(InfrastructureCollection.Name)]
[Trait("Tier", "Functional")]
public sealed class ReplicaKillTests(InfrastructureFixture infrastructure, DevIdpFixture idp, ITestOutputHelper output)
{
    private const int AgentsPerGroup = 3;
    private static readonly TimeSpan ReconnectBaseDelay = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan ReconnectMaxDelay = TimeSpan.FromSeconds(1);

    // The backoff's ceiling plus room for a loaded CI machine to open a connection and a stream.
    private static readonly TimeSpan ReconnectBound = ReconnectMaxDelay + TimeSpan.FromSeconds(9);

    [Fact]
    public async Task ReplicaKilled_AgentsMoveToSurvivor_KeepSessionsAndGetEachRevocationOnce()
    {
        using var timeout = TestTimeouts.Start();
        var test = Stopwatch.StartNew();
        await using var cluster = await ServerCluster.CreateAsync(infrastructure, idp, "sigkill");
        var survivor = await cluster.StartReplicaAsync();
        await using var victim = await ChildServerReplica.StartAsync("K", cluster.ReplicaSettings());
        output.WriteLine($"Both replicas ready after {test.Elapsed.TotalSeconds:0.0} s (one in process {victim.ProcessId}).");
        var gate = new ReachabilityGate();
        using var factory = new RtaClientFactory(
            new RtaClientOptions
            {
                ServerAddress = victim.BaseAddress,
                ClientId = ServerCluster.CopilotClientId,
                ClientSecret = cluster.CopilotSecret,
                Agent = Agents.Identity("killed-replica-agent"),
                AllowInsecureHttp = true,
                SessionKeys = Agents.SessionKeys,
                LiveChannelFallbackAddresses = [survivor.GrpcAddress],
                ReconnectBaseDelay = ReconnectBaseDelay,
                ReconnectMaxDelay = ReconnectMaxDelay,
            },
            gate.CreateHandler);

        var userToken = await idp.UserAccessTokenAsync(timeout.Token);
        var agents = new List<TrackedAgent>();
        try
        {
            for (var index = 0; index < 2 * AgentsPerGroup; index++)
            {
                var client = await factory.ConnectAsync(new RtaSessionRequest { SubjectToken = userToken, Scopes = ["records:read"] }, timeout.Token);
                agents.Add(new TrackedAgent(client));
            }

            await Task.WhenAll(agents.Select(agent => agent.Probe.WaitForStateAsync(RtaConnectionState.Connected, TestTimeouts.Push)));
            // Connected comes with the stream's headers; the first message (a heartbeat) follows.
            Assert.True(
                await Eventually.UntilAsync(() => agents.TrueForAll(agent => agent.Client.LastSequence > 0), TestTimeouts.Push, timeout.Token),
                "every agent has read a message from the replica it streams from");
            var whileCutOff = agents[..AgentsPerGroup];
            var afterReturn = agents[AgentsPerGroup..];
            var before = agents.ToDictionary(agent => agent, agent => (agent.Client.SessionId, agent.Client.LastSequence));
            var adminToken = await idp.AdminAccessTokenAsync(timeout.Token);

            output.WriteLine($"{agents.Count} agents streaming from the child replica after {test.Elapsed.TotalSeconds:0.0} s.");

            // Cut off first, so the revocations below are made while no agent has any stream.
            gate.Close();
            victim.Kill();
            Assert.True(victim.HasExited);
            await Task.WhenAll(agents.Select(agent => agent.Probe.WaitForStateAsync(RtaConnectionState.Reconnecting, TestTimeouts.Push)));
            var revokedWhileCutOff = new Dictionary<string, long>();
            foreach (var agent in whileCutOff)
            {
                var response = await AdminApi.RevokeSessionAsync(survivor, adminToken, agent.Client.SessionId, "revoked while cut off", timeout.Token);
                revokedWhileCutOff[agent.Client.SessionId] = response.EventSequence;
            }

            var reopened = Stopwatch.GetTimestamp();
            gate.Open();
            await Task.WhenAll(whileCutOff.Select(agent => agent.Probe.Revoked.WaitAsync(ReconnectBound, timeout.Token)));
            await Task.WhenAll(afterReturn.Select(agent => agent.Probe.WaitForStateAsync(RtaConnectionState.Connected, ReconnectBound)));
            var reconnected = Stopwatch.GetElapsedTime(reopened);

            foreach (var agent in afterReturn)
            {
                // Same session, its token still good: the survivor decides for it without a new exchange.
                Assert.Equal(before[agent].SessionId, agent.Client.SessionId);
                var decision = await agent.Client.AuthorizeAsync("read", "records", "r-1", cancellationToken: timeout.Token);
                Assert.True(decision.Allowed, $"the survivor refused a decision for a moved session: {decision.Reason}");
                Assert.True(agent.Client.LastSequence > before[agent].LastSequence, "the survivor's stream continues the sequence");
            }

            var revokedAfterReturn = new Dictionary<string, long>();
            foreach (var agent in afterReturn)
            {
                var response = await AdminApi.RevokeSessionAsync(survivor, adminToken, agent.Client.SessionId, "revoked after return", timeout.Token);
                revokedAfterReturn[agent.Client.SessionId] = response.EventSequence;
            }

            await Task.WhenAll(afterReturn.Select(agent => agent.Probe.Revoked.WaitAsync(TestTimeouts.Push, timeout.Token)));

            foreach (var agent in whileCutOff)
            {
                var revoked = await agent.Probe.Revoked;
                Assert.Equal(revokedWhileCutOff[agent.Client.SessionId], revoked.EventSequence);
                // The revocation was the first message of the new stream, numbered right after the last one read on the killed replica.
                Assert.Equal(before[agent].LastSequence + 1, agent.Client.LastSequence);
            }

            foreach (var agent in afterReturn)
            {
                Assert.Equal(revokedAfterReturn[agent.Client.SessionId], (await agent.Probe.Revoked).EventSequence);
            }

            // Nothing comes twice: give a duplicate the time a push takes, then count.
            await Task.Delay(TimeSpan.FromMilliseconds(500), timeout.Token);
            Assert.All(agents, agent => Assert.Equal(1, agent.RevokedCount));
            Assert.All(agents, agent => Assert.Equal(RtaConnectionState.Revoked, agent.Client.State));
            output.WriteLine(
                $"{agents.Count} agents of a SIGKILLed replica: all back on the survivor {reconnected.TotalMilliseconds:0} ms after it became reachable "
                + $"(backoff {ReconnectBaseDelay.TotalMilliseconds:0} ms doubling to {ReconnectMaxDelay.TotalMilliseconds:0} ms); "
                + $"{whileCutOff.Count} revocations made while cut off and {afterReturn.Count} after each arrived once.");
        }
        finally
        {
            foreach (var agent in agents)
            {
                agent.Dispose();
                await agent.Client.DisposeAsync();
            }
        }
    }

    /// <summary>An agent with a probe and a count of every <see cref="RtaClient.Revoked"/> raised.</summary>
    private sealed class TrackedAgent : IDisposable
    {
        private int _revoked;

        public TrackedAgent(RtaClient client)
        {
            Client = client;
            Probe = new AgentProbe(client);
            client.Revoked += OnRevoked;
        }

        public RtaClient Client { get; }

        public AgentProbe Probe { get; }

        public int RevokedCount => Volatile.Read(ref _revoked);

        public void Dispose()
        {
            Client.Revoked -= OnRevoked;
            Probe.Dispose();
        }

        private void OnRevoked(object? sender, RtaRevokedEventArgs e) => Interlocked.Increment(ref _revoked);
    }
}
