using System.Globalization;

namespace RealTimeAuth.LoadDriver.Reporting.Charts;

/// <summary>
/// The "nines" axis of a percentile plot: quantile q is drawn at log10(1 / (1 − q)), so 90%, 99% and 99.9% are
/// equally spaced and the tail gets as much room as the body.
/// </summary>
internal static class PercentileScale
{
    public static double Of(double percentile) => -Math.Log10(1 - (percentile / 100));

    /// <summary>
    /// The sample's percentile curve as steps: the i-th smallest of n values holds from quantile i / n to (i + 1) / n,
    /// and the largest from (n − 1) / n to <paramref name="end"/> on the axis (at least log10(n), the most nines a
    /// sample of n can show). A nearest-rank percentile therefore lies on the curve.
    /// </summary>
    public static (double[] X, double[] Latency) Curve(IReadOnlyList<double> values, double end)
    {
        var sorted = values.Order().ToArray();
        var x = new double[sorted.Length * 2];
        var latency = new double[sorted.Length * 2];
        for (var index = 0; index < sorted.Length; index++)
        {
            x[2 * index] = -Math.Log10(1 - ((double)index / sorted.Length));
            x[(2 * index) + 1] = index == sorted.Length - 1
                ? Math.Max(end, Math.Log10(sorted.Length))
                : -Math.Log10(1 - ((double)(index + 1) / sorted.Length));
            latency[2 * index] = latency[(2 * index) + 1] = sorted[index];
        }

        return (x, latency);
    }

    /// <summary>Ticks at 0, 50, 90, 99, … up to the nines the largest sample reaches.</summary>
    public static IReadOnlyList<(double Position, string Label)> Ticks(int largestSample)
    {
        var ticks = new List<(double, string)> { (0, "0%"), (Of(50), "50%") };
        var nines = Math.Max(1, (int)Math.Ceiling(Math.Log10(Math.Max(2, largestSample))));
        for (var nine = 1; nine <= nines; nine++)
        {
            var percentile = 100 - (100 / Math.Pow(10, nine));
            ticks.Add((nine, percentile.ToString("0.####", CultureInfo.InvariantCulture) + "%"));
        }

        return ticks;
    }
}
