namespace RealTimeAuth.LoadDriver.Reporting;

/// <summary>Order statistics of a sample by nearest rank: p99 of 200 values is the 198th smallest.</summary>
internal sealed record Distribution(int Count, double P50, double P90, double P99, double Max, double Mean)
{
    public static Distribution Of(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        if (sorted.Length == 0)
        {
            return new Distribution(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN);
        }

        double Rank(double percentile) => sorted[Math.Max(0, (int)Math.Ceiling(percentile / 100 * sorted.Length) - 1)];
        return new Distribution(sorted.Length, Rank(50), Rank(90), Rank(99), sorted[^1], sorted.Average());
    }
}
