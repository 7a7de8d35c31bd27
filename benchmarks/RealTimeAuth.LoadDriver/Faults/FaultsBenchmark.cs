using RealTimeAuth.LoadDriver.Cli;
using RealTimeAuth.LoadDriver.Reporting;

namespace RealTimeAuth.LoadDriver.Faults;

/// <summary>
/// The <c>faults</c> command: each scenario kills a process this run owns (its redis-server, its PostgreSQL, one of its
/// replicas) or stalls streams under load, and reports the window in milliseconds and what was lost (nothing, if the
/// server is right). Scenarios run one after another, each on fresh processes; exit code 1 when a requirement is not met.
/// </summary>
internal static class FaultsBenchmark
{
    public static async Task<int> RunAsync(FaultsSettings settings, CancellationToken cancellationToken)
    {
        var allMet = true;
        foreach (var scenario in settings.Scenarios)
        {
            var start = MachineInfo.Capture();
            Progress.Write($"Fault scenario '{scenario}'…");
            var report = scenario switch
            {
                RedisScenario.Name => await RedisScenario.RunAsync(settings, cancellationToken),
                PostgresScenario.Name => await PostgresScenario.RunAsync(settings, cancellationToken),
                ReplicaKillScenario.Name => await ReplicaKillScenario.RunAsync(settings, cancellationToken),
                SlowConsumerScenario.Name => await SlowConsumerScenario.RunAsync(settings, cancellationToken),
                _ => throw new UsageException($"Unknown scenario '{scenario}'."),
            };
            var machine = start.Describe(MachineInfo.Capture());
            Console.Out.WriteLine($"Machine: {machine}");
            report.Print(Console.Out, settings.Out);
            await report.SaveAsync(settings.Out, machine, cancellationToken);
            allMet &= report.AllMet;
        }

        return allMet ? 0 : 1;
    }
}
