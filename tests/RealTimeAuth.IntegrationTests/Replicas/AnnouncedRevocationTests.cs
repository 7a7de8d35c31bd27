using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using RealTimeAuth.IntegrationTests.Infrastructure;
using RealTimeAuth.Sdk;
using RealTimeAuth.Server.Data;
using RealTimeAuth.Server.Events;
using RealTimeAuth.Server.Sessions;
using RealTimeAuth.Server.Telemetry;
using RealTimeAuth.Testing;
using RealTimeAuth.Testing.Hosting;
using StackExchange.Redis;
using Xunit.Abstractions;

namespace RealTimeAuth.IntegrationTests.Replicas;

/// <summary>
/// Announcements carry the committed entries (ADR 0025). The log poll is made rare (10 s, the longest allowed) so that
/// what happens within a few seconds is the announcement's doing; the staleness bound is raised to match, so the
/// replicas keep deciding between polls.
/// </summary>
[Collection(InfrastructureCollection.Name)]
[Trait("Tier", "Functional")]
public sealed class AnnouncedRevocationTests(InfrastructureFixture infrastructure, DevIdpFixture idp, ITestOutputHelper output)
{
    private static readonly Dictionary<string, string?> RarePolls = new()
    {
        ["Replica:PollInterval"] = "00:00:10",
        ["Replica:MaxStaleness"] = "00:01:00",
    };

    [Fact]
    public async Task RevokingOnOneOfThreeReplicas_AgentsOnTheOthers_AreRevokedFromTheAnnouncementWithoutReadingTheLog()
    {
        using var timeout = TestTimeouts.Start();
        await using var cluster = await ServerCluster.CreateAsync(infrastructure, idp, "announced", RarePolls);
        ServerHost[] replicas = [await cluster.StartReplicaAsync(), await cluster.StartReplicaAsync(), await cluster.StartReplicaAsync()];
        await using var announcements = await AnnouncementWatch.StartAsync(cluster);
        using var copilotFactory = Agents.CopilotFactory(cluster, replicas[0]);
        using var factoryB = Agents.AgentFactory(cluster, replicas[1]);
        using var factoryC = Agents.AgentFactory(cluster, replicas[2]);
        await using var copilot = await copilotFactory.ConnectAsync(
            new RtaSessionRequest { SubjectToken = await idp.UserAccessTokenAsync(timeout.Token), Scopes = ["records:read"] }, timeout.Token);
        await using var agentB = await ReplicaAgents.DelegateOnAsync(replicas[1], factoryB, copilot, "agent-on-b", timeout.Token);
        await using var agentC = await ReplicaAgents.DelegateOnAsync(replicas[2], factoryC, copilot, "agent-on-c", timeout.Token);
        using var probeB = new AgentProbe(agentB);
        using var probeC = new AgentProbe(agentC);
        var adminToken = await idp.AdminAccessTokenAsync(timeout.Token);

        // A read of the log now puts the next poll 10 s away on B and C.
        await Task.WhenAll(replicas[1..].Select(replica => replica.Service<IReplicaCurrency>().CatchUpAsync(timeout.Token)));
        using var readsB = new ReplicaCounter(replicas[1].Service<RtaServerTelemetry>().LogReads);
        using var readsC = new ReplicaCounter(replicas[2].Service<RtaServerTelemetry>().LogReads);
        var started = Stopwatch.GetTimestamp();
        var revocation = await AdminApi.RevokeSessionAsync(replicas[0], adminToken, copilot.SessionId, "revoked on A", timeout.Token);
        var revokedB = await probeB.Revoked.WaitAsync(TestTimeouts.Push, timeout.Token);
        var revokedC = await probeC.Revoked.WaitAsync(TestTimeouts.Push, timeout.Token);

        output.WriteLine(
            $"Revocation on A reached B after {Stopwatch.GetElapsedTime(started, probeB.RevokedAtTimestamp).TotalMilliseconds:0.0} ms "
            + $"and C after {Stopwatch.GetElapsedTime(started, probeC.RevokedAtTimestamp).TotalMilliseconds:0.0} ms.");
        Assert.Equal(revocation.EventSequence, revokedB.EventSequence);
        Assert.Equal(revocation.EventSequence, revokedC.EventSequence);
        Assert.Equal(0, readsB.Value);
        Assert.Equal(0, readsC.Value);
        // Every announcement seen on Redis names entries already in the log, exactly as the log holds them.
        await announcements.AssertAllCommittedAsync(timeout.Token);
    }

    [Fact]
    public async Task ForgedTamperedOrStrandedAnnouncements_AreNeverApplied_AndAGapIsFilledFromTheLog()
    {
        using var timeout = TestTimeouts.Start();
        await using var cluster = await ServerCluster.CreateAsync(infrastructure, idp, "forged", RarePolls);
        var replicaA = await cluster.StartReplicaAsync();
        var replicaB = await cluster.StartReplicaAsync();
        using var copilotFactory = Agents.CopilotFactory(cluster, replicaA);
        using var factoryB = Agents.AgentFactory(cluster, replicaB);
        await using var copilot = await copilotFactory.ConnectAsync(
            new RtaSessionRequest { SubjectToken = await idp.UserAccessTokenAsync(timeout.Token), Scopes = ["records:read"] }, timeout.Token);
        await using var target = await ReplicaAgents.DelegateOnAsync(replicaB, factoryB, copilot, "target", timeout.Token);
        using var probe = new AgentProbe(target);
        var targetId = Guid.Parse(target.SessionId);
        var currencyB = replicaB.Service<IReplicaCurrency>();
        var telemetryB = replicaB.Service<RtaServerTelemetry>();
        using var rejected = new ReplicaCounter(telemetryB.AnnouncementsRejected);
        using var reads = new ReplicaCounter(telemetryB.LogReads);
        await using var redis = await ConnectionMultiplexer.ConnectAsync(cluster.RedisConnectionString);
        var key = KeyOf(cluster.EncryptionKey);

        await currencyB.CatchUpAsync(timeout.Token);
        var last = currencyB.LastAppliedSequence;
        Assert.Equal(last, Convert.ToInt64(await cluster.ScalarAsync("SELECT max(sequence) FROM event_log", timeout.Token)));
        var readsBefore = reads.Value;
        var forged = AnnouncementCodec.Encode([RevocationOf(targetId, last + 1)], KeyOf("an attacker's guess at the cluster's secret"), 65536)!;
        var tampered = Tamper(AnnouncementCodec.Encode([RevocationOf(targetId, last + 1, "decoy")], key, 65536)!);
        var outOfOrder = AnnouncementCodec.Encode([RevocationOf(targetId, last + 2), RevocationOf(targetId, last + 1)], key, 65536)!;
        foreach (var message in new[] { forged, tampered, outOfOrder })
        {
            await redis.GetSubscriber().PublishAsync(EventAnnouncer.Channel, message);
        }

        Assert.True(await Eventually.UntilAsync(() => rejected.Value == 3, TestTimeouts.Push, timeout.Token), $"{rejected.Value} of 3 dropped.");
        // Authentic but never committed (only a holder of the secret could make one): behind a gap, so B reads the log instead.
        await redis.GetSubscriber().PublishAsync(EventAnnouncer.Channel, AnnouncementCodec.Encode([RevocationOf(targetId, last + 3)], key, 65536)!);
        Assert.True(await Eventually.UntilAsync(() => reads.Value > readsBefore, TestTimeouts.Push, timeout.Token), "The gap did not make B read the log.");

        // Three real entries take sequences last + 1 to last + 3; the stranded one must not stand in for the third.
        await using var second = await ReplicaAgents.DelegateOnAsync(replicaB, factoryB, copilot, "second", timeout.Token);
        await using var third = await ReplicaAgents.DelegateOnAsync(replicaB, factoryB, copilot, "third", timeout.Token);
        await using var fourth = await ReplicaAgents.DelegateOnAsync(replicaB, factoryB, copilot, "fourth", timeout.Token);
        await currencyB.CatchUpAsync(timeout.Token);

        Assert.True(currencyB.LastAppliedSequence >= last + 3);
        Assert.True(replicaB.Service<SessionCache>().Find(targetId) is { IsActive: true }, "A forged or stranded revocation was applied.");
        Assert.False(probe.Revoked.IsCompleted);
        Assert.Equal(3, rejected.Value);
    }

    private static AnnouncementKey KeyOf(string secret) =>
        new(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [AnnouncementKey.SecretKey] = secret }).Build());

    private static EventLogRecord RevocationOf(Guid session, long sequence, string reason = "forged") => new()
    {
        Sequence = sequence,
        Type = RtaEventTypes.SessionsRevoked,
        OccurredAt = DateTimeOffset.UtcNow,
        Payload = JsonSerializer.Serialize(new SessionEventPayload([session], reason, "forged", DateTimeOffset.UtcNow, [session])),
        Actor = "attacker",
    };

    /// <summary>Changes the signed reason "decoy" to "forgd" in the body, leaving the MAC as it was.</summary>
    private static byte[] Tamper(byte[] message)
    {
        var tampered = message.ToArray();
        var at = tampered.AsSpan().IndexOf("decoy"u8);
        Assert.True(at > 0);
        "forgd"u8.CopyTo(tampered.AsSpan(at));
        return tampered;
    }
}
