namespace RealTimeAuth.AgentSimulator.Load;

/// <summary>
/// Collects latencies from many threads and summarises them exactly: every sample is kept (load runs are bounded by
/// <see cref="LoadOptions.MaxActions"/>), sorted once, and read by nearest rank.
/// </summary>
public sealed class LatencyRecorder(string metric)
{
    private readonly Lock _gate = new();
    private readonly List<double> _samples = [];

    public string Metric => metric;

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _samples.Count;
            }
        }
    }

    public void Record(TimeSpan latency) => Record(latency.TotalMilliseconds);

    /// <summary>Records <paramref name="milliseconds"/>; a negative value (clocks a little apart) counts as 0, NaN is ignored.</summary>
    public void Record(double milliseconds)
    {
        if (double.IsNaN(milliseconds))
        {
            return;
        }

        lock (_gate)
        {
            _samples.Add(Math.Max(0, milliseconds));
        }
    }

    public LatencySummary Summarize()
    {
        double[] sorted;
        lock (_gate)
        {
            sorted = [.. _samples];
        }

        if (sorted.Length == 0)
        {
            return new LatencySummary(metric, 0, 0, 0, 0, 0, 0, 0);
        }

        Array.Sort(sorted);
        return new LatencySummary(
            metric,
            sorted.Length,
            sorted[0],
            Percentile(sorted, 50),
            Percentile(sorted, 90),
            Percentile(sorted, 99),
            sorted[^1],
            sorted.Average());
    }

    /// <summary>Nearest rank: the smallest sample with at least <paramref name="percent"/>% of the samples at or below it.</summary>
    public static double Percentile(IReadOnlyList<double> sorted, double percent)
    {
        ArgumentOutOfRangeException.ThrowIfZero(sorted.Count);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(percent);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(percent, 100);
        var rank = (int)Math.Ceiling(percent / 100 * sorted.Count);
        return sorted[Math.Clamp(rank, 1, sorted.Count) - 1];
    }
}
