using System.Globalization;

namespace RealTimeAuth.LoadDriver.Reporting.Charts;

/// <summary>
/// A base-10 log axis: values are plotted as their logarithm (ScottPlot draws linear axes), with a floor so a
/// latency clamped at 0 still has a place, and ticks at every decade (labelled) and its multiples 2–9.
/// </summary>
internal static class LogScale
{
    /// <summary>The smallest value shown; anything below is drawn at it.</summary>
    public const double Floor = 0.01;

    public static double Of(double value) => Math.Log10(Math.Max(Floor, value));

    /// <summary>Decades from below <paramref name="min"/> to above <paramref name="max"/>, as (position, label) pairs.</summary>
    public static IReadOnlyList<(double Position, string Label)> Decades(double min, double max)
    {
        var low = (int)Math.Floor(Of(min));
        var high = Math.Max(low + 1, (int)Math.Ceiling(Of(max)));
        return [.. Enumerable.Range(low, high - low + 1).Select(exponent => ((double)exponent, Label(Math.Pow(10, exponent))))];
    }

    /// <summary>The multiples 2 to 9 of each decade from <paramref name="min"/> to <paramref name="max"/>, as positions.</summary>
    public static IEnumerable<double> Minors(double min, double max)
    {
        var decades = Decades(min, max);
        return decades.Take(decades.Count - 1)
            .SelectMany(decade => Enumerable.Range(2, 8).Select(multiple => decade.Position + Math.Log10(multiple)));
    }

    public static string Label(double value) => value switch
    {
        >= 1 => value.ToString("N0", CultureInfo.InvariantCulture),
        _ => value.ToString("0.###", CultureInfo.InvariantCulture),
    };
}
