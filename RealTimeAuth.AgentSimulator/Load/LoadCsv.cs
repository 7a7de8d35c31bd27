using System.Globalization;

namespace RealTimeAuth.AgentSimulator.Load;

/// <summary>A load run's latency distributions as CSV, one row per metric; rows of several runs can be concatenated under one header.</summary>
internal static class LoadCsv
{
    public const string Header = "run_id,agents,users,target_actions_per_second,metric,count,min_ms,p50_ms,p90_ms,p99_ms,max_ms,mean_ms";

    public static void Write(TextWriter writer, LoadReport report)
    {
        writer.WriteLine(Header);
        foreach (var latency in report.Latencies)
        {
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{report.RunId},{report.AgentsConnected},{report.Users},{report.TargetActionsPerSecond},{latency.Metric},{latency.Count},"
                + $"{latency.MinMs:F3},{latency.P50Ms:F3},{latency.P90Ms:F3},{latency.P99Ms:F3},{latency.MaxMs:F3},{latency.MeanMs:F3}"));
        }
    }

    public static async Task WriteFileAsync(string path, LoadReport report, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using var writer = new StreamWriter(path, append: false);
        Write(writer, report);
        await writer.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Empty: a new file in the temp directory; relative: under <paramref name="contentRoot"/>; absolute: as given.</summary>
    public static string ResolvePath(string configured, string contentRoot, string runId, DateTimeOffset now) =>
        string.IsNullOrWhiteSpace(configured)
            ? Path.Combine(Path.GetTempPath(), "realtimeauth-simulator", string.Create(CultureInfo.InvariantCulture, $"load-{now:yyyyMMdd-HHmmss}-{runId}.csv"))
            : Path.GetFullPath(configured, contentRoot);
}
