using System.Diagnostics;
using RealTimeAuth.LoadDriver.Cli;
using RealTimeAuth.LoadDriver.Hosting;
using RealTimeAuth.LoadDriver.Reporting;
using RealTimeAuth.Testing.Hosting;

namespace RealTimeAuth.LoadDriver.Revocation;

/// <summary>
/// Revocation to push. For each phase: connect N agents, measure the server's memory before and after, then revoke
/// agents one at a time through the admin API and time the agent's SDK Revoked event. Each revoked agent is replaced
/// (on the same channel) before the next revocation, so every revocation happens with N agents connected.
/// </summary>
internal static class RevocationBenchmark
{
    private static readonly TimeSpan PushTimeout = TimeSpan.FromSeconds(10);

    /// <summary>Lets first heartbeats and a measurement's forced collections pass before the next step.</summary>
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(2);

    /// <summary>
    /// Before the baseline memory of a phase: Kestrel keeps ended HTTP/2 streams tracked for a 5 s drain and pools
    /// stream objects for 5 s, so the previous phase's streams would otherwise sit in the baseline and be reused by
    /// this phase's agents, hiding their cost.
    /// </summary>
    private static readonly TimeSpan Quiesce = TimeSpan.FromSeconds(7);

    public static async Task RunAsync(RevocationSettings settings, CancellationToken cancellationToken)
    {
        var start = MachineInfo.Capture();
        await using var environment = await LoadEnvironment.StartAsync(cancellationToken);
        using var admin = environment.CreateHttpClient();
        await using var pool = new AgentPool(environment, settings.StreamsPerConnection - 1);
        var revoke = new Revoker(admin, environment.AdminToken);

        await WarmUpAsync(pool, revoke, settings.Warmup, cancellationToken);
        var phases = new List<RevocationPhase>();
        foreach (var agents in settings.AgentCounts)
        {
            phases.Add(await RunPhaseAsync(environment, pool, revoke, agents, settings, cancellationToken));
        }

        var report = new RevocationReport(settings, start.Describe(MachineInfo.Capture()), phases);
        report.Print(Console.Out);
        await report.SaveAsync(cancellationToken);
    }

    private static async Task WarmUpAsync(AgentPool pool, Revoker revoke, int count, CancellationToken cancellationToken)
    {
        Progress.Write($"Warm-up: {count} revocations, not recorded.");
        await pool.EnsureCapacityAsync(1, cancellationToken);
        for (var index = 0; index < count; index++)
        {
            var agent = await pool.ConnectAsync(0, cancellationToken);
            await revoke.OnceAsync(agent, 1, index, PushTimeout, cancellationToken);
            await AgentShard.CloseAsync(agent);
        }
    }

    private static async Task<RevocationPhase> RunPhaseAsync(
        LoadEnvironment environment, AgentPool pool, Revoker revoke, int agents, RevocationSettings settings, CancellationToken cancellationToken)
    {
        await pool.EnsureCapacityAsync(agents, cancellationToken);
        await Task.Delay(Quiesce, cancellationToken);
        var before = await environment.Server.MeasureMemoryAsync(cancellationToken);
        await Task.Delay(Settle, cancellationToken);

        Progress.Write($"Phase {agents}: connecting {agents} agents over {pool.ShardCount} channel(s)…");
        var connecting = Stopwatch.StartNew();
        var probes = await pool.ConnectManyAsync(agents, cancellationToken);
        var connectTime = connecting.Elapsed;
        var replaced = new List<AgentProbe>();
        try
        {
            await Task.Delay(Settle, cancellationToken);
            var after = await environment.Server.MeasureMemoryAsync(cancellationToken);
            await Task.Delay(Settle, cancellationToken);
            Progress.Write($"Phase {agents}: connected in {connectTime.TotalSeconds:0.0} s; revoking {settings.Revocations} one at a time…");

            var samples = new List<RevocationSample>(settings.Revocations);
            for (var index = 0; index < settings.Revocations; index++)
            {
                var slot = index % agents;
                var agent = probes[slot];
                samples.Add(await revoke.OnceAsync(agent, agents, index, PushTimeout, cancellationToken));
                replaced.Add(agent);
                await AgentShard.CloseAsync(agent);
                probes[slot] = await pool.ConnectAsync(slot, cancellationToken);
                if (settings.Pause > TimeSpan.Zero)
                {
                    await Task.Delay(settings.Pause, cancellationToken);
                }

                if ((index + 1) % 50 == 0)
                {
                    Progress.Write($"Phase {agents}: {index + 1}/{settings.Revocations} revocations.");
                }
            }

            var drops = StreamDrops.Of(probes.Concat(replaced));
            return new RevocationPhase(agents, pool.ShardCount, connectTime, before, after, samples, drops);
        }
        finally
        {
            Progress.Write($"Phase {agents}: closing its agents' streams.");
            foreach (var probe in probes)
            {
                await AgentShard.CloseAsync(probe);
            }
        }
    }
}
