using System.Diagnostics;
using RealTimeAuth.LoadDriver.Cli;
using RealTimeAuth.LoadDriver.Hosting;
using RealTimeAuth.LoadDriver.Reporting;
using RealTimeAuth.LoadDriver.Revocation;
using RealTimeAuth.Testing.Hosting;

namespace RealTimeAuth.LoadDriver.Storm;

/// <summary>
/// User-wide revocation storms (ADR 0012). Before each storm, A agents of the demo user connect (spread over
/// co-pilots' channels); the admin revokes the user; the time from just before the call to each agent's SDK Revoked
/// event is recorded, so each storm gives its first and its last agent. The first measured storm also measures the
/// server's memory with and without its agents connected.
/// </summary>
internal static class StormBenchmark
{
    private static readonly TimeSpan RevokeTimeout = TimeSpan.FromSeconds(30);

    /// <summary>Lets first heartbeats and a measurement's forced collections pass before the next step.</summary>
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(2);

    /// <summary>Kestrel drains ended HTTP/2 streams for 5 s; the previous storm's must be gone from the baseline.</summary>
    private static readonly TimeSpan Quiesce = TimeSpan.FromSeconds(7);

    public static async Task RunAsync(StormSettings settings, CancellationToken cancellationToken)
    {
        var start = MachineInfo.Capture();
        await using var environment = await LoadEnvironment.StartAsync(cancellationToken);
        using var admin = environment.CreateHttpClient();
        var revoker = new UserRevoker(admin, environment.AdminToken, environment.Issuer, DemoAccounts.RickSubject);

        (ServerMemory Before, ServerMemory After)? memory = null;
        var samples = new List<StormSample>();
        for (var index = -settings.Warmup; index < settings.Storms; index++)
        {
            var measureMemory = index == 0;
            var storm = await OneStormAsync(environment, revoker, settings, index, measureMemory, cancellationToken);
            if (index >= 0)
            {
                samples.Add(storm.Sample);
                memory ??= storm.Memory;
            }

            Progress.Write(storm.Sample.Describe(index < 0 ? "Warm-up storm" : $"Storm {index + 1}/{settings.Storms}"));
        }

        var report = new StormReport(settings, start.Describe(MachineInfo.Capture()), samples, memory!.Value.Before, memory.Value.After);
        report.Print(Console.Out);
        await report.SaveAsync(cancellationToken);
    }

    private static async Task<(StormSample Sample, (ServerMemory, ServerMemory)? Memory)> OneStormAsync(
        LoadEnvironment environment, UserRevoker revoker, StormSettings settings, int index, bool measureMemory, CancellationToken cancellationToken)
    {
        await using var pool = new AgentPool(environment, settings.StreamsPerConnection - 1);
        await pool.EnsureCapacityAsync(settings.Agents, cancellationToken);
        ServerMemory? before = null;
        if (measureMemory)
        {
            await Task.Delay(Quiesce, cancellationToken);
            before = await environment.Server.MeasureMemoryAsync(cancellationToken);
        }

        Progress.Write($"Connecting {settings.Agents:N0} agents over {pool.ShardCount} channel(s)…");
        var connecting = Stopwatch.StartNew();
        var retriesBefore = ExchangeRetry.Retries;
        var probes = await pool.ConnectManyAsync(settings.Agents, cancellationToken);
        var connectMs = connecting.Elapsed.TotalMilliseconds;
        try
        {
            await Task.Delay(Settle, cancellationToken);
            var after = measureMemory ? await environment.Server.MeasureMemoryAsync(cancellationToken) : null;
            if (measureMemory)
            {
                await Task.Delay(Settle, cancellationToken);
            }

            var drops = StreamDrops.Of(probes).Count;
            var issued = Stopwatch.GetTimestamp();
            var response = await revoker.RevokeAsync(cancellationToken);
            var callMs = Stopwatch.GetElapsedTime(issued).TotalMilliseconds;
            var revoked = probes.Select(probe => probe.Revoked.WaitAsync(RevokeTimeout, cancellationToken)).ToArray();
            try
            {
                await Task.WhenAll(revoked);
            }
            catch (TimeoutException)
            {
                // Counted below as missed.
            }

            var latencies = probes.Where(probe => probe.Revoked.IsCompletedSuccessfully)
                .Select(probe => Stopwatch.GetElapsedTime(issued, probe.RevokedAtTimestamp).TotalMilliseconds)
                .ToList();
            var sample = new StormSample(index, callMs, latencies, probes.Length - latencies.Count, response.RevokedSessionIds.Count, connectMs, drops, ExchangeRetry.Retries - retriesBefore);
            return (sample, before is null || after is null ? null : (before, after));
        }
        finally
        {
            foreach (var probe in probes)
            {
                await AgentShard.CloseAsync(probe);
            }
        }
    }
}
