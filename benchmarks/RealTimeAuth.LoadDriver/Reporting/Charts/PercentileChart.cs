using System.Globalization;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace RealTimeAuth.LoadDriver.Reporting.Charts;

/// <summary>
/// The latency distribution of a run as a percentile plot: latency (log axis) against percentile on the "nines"
/// axis, one curve per series, with each series' p50 and p99 marked on its curve and given in the legend.
/// </summary>
internal static class PercentileChart
{
    public static string Save(string path, string title, string footer, IReadOnlyList<LatencySeries> series)
    {
        var drawn = series.Where(one => one.Milliseconds.Count > 0).ToList();
        var plot = ChartFrame.Create(title, "Percentile (log scale of 1 / (1 − q))", "Latency (ms, log scale)", footer);
        var largest = drawn.Count == 0 ? 1 : drawn.Max(one => one.Milliseconds.Count);
        var right = Math.Max(2, Math.Log10(largest));
        var palette = new ScottPlot.Palettes.Category10();
        for (var index = 0; index < drawn.Count; index++)
        {
            var color = palette.GetColor(index);
            var (x, latency) = PercentileScale.Curve(drawn[index].Milliseconds, right);
            var curve = plot.Add.ScatterLine(x, latency.Select(LogScale.Of).ToArray(), color);
            curve.LineWidth = 2;
            var distribution = Distribution.Of(drawn[index].Milliseconds);
            curve.LegendText = string.Create(CultureInfo.InvariantCulture, $"{drawn[index].Label}: p50 {distribution.P50:0.##} ms, p99 {distribution.P99:0.##} ms");
            Mark(plot, color, 50, distribution.P50);
            Mark(plot, color, 99, distribution.P99);
        }

        foreach (var percentile in new[] { 50.0, 99.0 })
        {
            plot.Add.VerticalLine(PercentileScale.Of(percentile), 1, Colors.Gray, LinePattern.Dashed);
        }

        var ticks = new NumericManual();
        foreach (var (position, label) in PercentileScale.Ticks(largest))
        {
            ticks.AddMajor(position, label);
        }

        plot.Axes.Bottom.TickGenerator = ticks;
        plot.Axes.SetLimitsX(0, right * 1.03);
        var all = drawn.SelectMany(one => one.Milliseconds).DefaultIfEmpty(1).ToList();
        ChartFrame.LogTicks(plot.Axes.Left, all.Where(value => value > 0).DefaultIfEmpty(LogScale.Floor).Min(), all.Max());
        plot.ShowLegend(Alignment.UpperLeft);
        return ChartFrame.Save(plot, path);
    }

    private static void Mark(Plot plot, Color color, double percentile, double value) =>
        plot.Add.Marker(PercentileScale.Of(percentile), LogScale.Of(value), MarkerShape.FilledCircle, 10, color);
}
