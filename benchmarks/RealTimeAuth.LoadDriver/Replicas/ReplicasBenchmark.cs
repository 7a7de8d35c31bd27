using System.Diagnostics;
using RealTimeAuth.LoadDriver.Hosting;
using RealTimeAuth.LoadDriver.Reporting;
using RealTimeAuth.LoadDriver.Revocation;
using RealTimeAuth.LoadDriver.Storm;
using RealTimeAuth.Testing.Hosting;

namespace RealTimeAuth.LoadDriver.Replicas;

/// <summary>
/// Revocation across replicas: N server replicas in child processes on one PostgreSQL and one Redis, agents spread over
/// all of them, single sessions revoked through the first replica's admin API round-robin over the replicas' agents, then
/// a few user-wide storms. Each sample says whether the agent's stream was on the revoking replica or another.
/// </summary>
internal static class ReplicasBenchmark
{
    private static readonly TimeSpan PushTimeout = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan StormTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(2);

    public static async Task RunAsync(ReplicasSettings settings, CancellationToken cancellationToken)
    {
        var start = MachineInfo.Capture();
        // Announcements too large for the cap carry only the sequence: 64 bytes makes every one of them a hint to read the log.
        Func<string, IReadOnlyDictionary<string, string?>>? serverSettings = settings.AnnounceEntries
            ? null
            : _ => new Dictionary<string, string?> { ["Replica:MaxAnnouncementBytes"] = "64" };
        await using var environment = await LoadEnvironment.StartAsync(cancellationToken, serverSettings);
        await using var replicas = await ReplicaSet.StartAsync(environment, settings.Replicas, cancellationToken);
        using var admin = environment.CreateHttpClient();
        var revoke = new Revoker(admin, environment.AdminToken);
        await using var pool = new ReplicaAgentPool(environment, replicas.All, settings.StreamsPerConnection - 1);

        Progress.Write($"Connecting {settings.AgentsPerReplica} agents on each of {settings.Replicas} replicas…");
        await pool.EnsureCapacityAsync(settings.AgentsPerReplica, cancellationToken);
        var connecting = Stopwatch.StartNew();
        var probes = await pool.ConnectManyAsync(settings.AgentsPerReplica, cancellationToken);
        Progress.Write($"Connected {settings.AgentsPerReplica * settings.Replicas} agents over {pool.ShardCount} channels in {connecting.Elapsed.TotalSeconds:0.0} s.");
        await Task.Delay(Settle, cancellationToken);

        await RevokeRoundRobinAsync(pool, probes, revoke, replicas, -settings.Warmup, 0, settings, cancellationToken);
        var samples = await RevokeRoundRobinAsync(pool, probes, revoke, replicas, 0, settings.Revocations, settings, cancellationToken);

        var storms = new List<ReplicaStormSample>();
        var stormRevoker = new UserRevoker(admin, environment.AdminToken, environment.Issuer, DemoAccounts.RickSubject);
        for (var storm = 0; storm < settings.Storms; storm++)
        {
            probes = storm == 0 ? probes : await ReconnectAllAsync(pool, settings, cancellationToken);
            storms.Add(await StormAsync(stormRevoker, probes, replicas, storm, cancellationToken));
            Progress.Write(storms[^1].Describe());
        }

        var report = new ReplicasReport(settings, start.Describe(MachineInfo.Capture()), samples, storms);
        report.Print(Console.Out);
        await report.SaveAsync(cancellationToken);
    }

    /// <summary>Revocations <paramref name="from"/> to <paramref name="to"/> − 1, agent replica = index mod replicas; negative ones are not kept.</summary>
    private static async Task<List<ReplicaSample>> RevokeRoundRobinAsync(
        ReplicaAgentPool pool, AgentProbe[][] probes, Revoker revoke, ReplicaSet replicas, int from, int to, ReplicasSettings settings, CancellationToken cancellationToken)
    {
        var samples = new List<ReplicaSample>();
        for (var index = from; index < to; index++)
        {
            var position = index - from;
            var replica = position % settings.Replicas;
            var slot = position / settings.Replicas % settings.AgentsPerReplica;
            var agent = probes[replica][slot];
            var cpuBefore = replicas.ProcessorTime;
            var sample = await revoke.OnceAsync(agent, settings.AgentsPerReplica * settings.Replicas, index, PushTimeout, cancellationToken);
            var cpu = replicas.ProcessorTime - cpuBefore;
            if (index >= 0)
            {
                samples.Add(new ReplicaSample(replica, sample, cpu));
            }

            await AgentShard.CloseAsync(agent);
            probes[replica][slot] = await pool.ConnectAsync(replica, slot, cancellationToken);
            if ((position + 1) % 50 == 0)
            {
                Progress.Write($"{position + 1}/{to - from} revocations{(index < 0 ? " (warm-up)" : string.Empty)}.");
            }
        }

        return samples;
    }

    private static async Task<AgentProbe[][]> ReconnectAllAsync(ReplicaAgentPool pool, ReplicasSettings settings, CancellationToken cancellationToken)
    {
        await pool.CloseAllAsync();
        await pool.EnsureCapacityAsync(settings.AgentsPerReplica, cancellationToken);
        var probes = await pool.ConnectManyAsync(settings.AgentsPerReplica, cancellationToken);
        await Task.Delay(Settle, cancellationToken);
        return probes;
    }

    private static async Task<ReplicaStormSample> StormAsync(
        UserRevoker revoker, AgentProbe[][] probes, ReplicaSet replicas, int index, CancellationToken cancellationToken)
    {
        var cpuBefore = replicas.ProcessorTime;
        var issued = Stopwatch.GetTimestamp();
        await revoker.RevokeAsync(cancellationToken);
        try
        {
            await Task.WhenAll(probes.SelectMany(replica => replica).Select(probe => probe.Revoked.WaitAsync(StormTimeout, cancellationToken)));
        }
        catch (TimeoutException)
        {
            // Counted below as missed.
        }

        var cpu = replicas.ProcessorTime - cpuBefore;
        var latencies = probes
            .Select(replica => (IReadOnlyList<double>)[.. replica.Where(probe => probe.Revoked.IsCompletedSuccessfully)
                .Select(probe => Stopwatch.GetElapsedTime(issued, probe.RevokedAtTimestamp).TotalMilliseconds)])
            .ToArray();
        return new ReplicaStormSample(index, latencies, probes.Sum(replica => replica.Count(probe => !probe.Revoked.IsCompletedSuccessfully)), cpu);
    }
}
