using System.Globalization;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace RealTimeAuth.LoadDriver.Reporting.Charts;

/// <summary>
/// The latency distribution of a run as a percentile plot: latency (log axis) against percentile on the "nines"
/// axis, one curve per series, with each series' p50 and p99 marked and labelled.
/// </summary>
internal static class PercentileChart
{
    public static string Save(string path, string title, string footer, IReadOnlyList<LatencySeries> series)
    {
        var drawn = series.Where(one => one.Milliseconds.Count > 0).ToList();
        var plot = ChartFrame.Create(title, "Percentile (log scale of 1 / (1 − q))", "Latency (ms, log scale)", footer);
        var palette = new ScottPlot.Palettes.Category10();
        for (var index = 0; index < drawn.Count; index++)
        {
            var color = palette.GetColor(index);
            var (x, latency) = PercentileScale.Curve(drawn[index].Milliseconds);
            var curve = plot.Add.ScatterLine(x, latency.Select(LogScale.Of).ToArray(), color);
            curve.LineWidth = 2;
            curve.LegendText = drawn[index].Label;
            var distribution = Distribution.Of(drawn[index].Milliseconds);
            Mark(plot, color, 50, distribution.P50, index);
            Mark(plot, color, 99, distribution.P99, index);
        }

        foreach (var percentile in new[] { 50.0, 99.0 })
        {
            plot.Add.VerticalLine(PercentileScale.Of(percentile), 1, Colors.Gray, LinePattern.Dashed);
        }

        var largest = drawn.Count == 0 ? 1 : drawn.Max(one => one.Milliseconds.Count);
        var ticks = new NumericManual();
        foreach (var (position, label) in PercentileScale.Ticks(largest))
        {
            ticks.AddMajor(position, label);
        }

        plot.Axes.Bottom.TickGenerator = ticks;
        plot.Axes.SetLimitsX(0, Math.Max(2, Math.Log10(largest)) * 1.03);
        var all = drawn.SelectMany(one => one.Milliseconds).DefaultIfEmpty(1).ToList();
        ChartFrame.LogTicks(plot.Axes.Left, all.Where(value => value > 0).DefaultIfEmpty(LogScale.Floor).Min(), all.Max());
        plot.ShowLegend(Alignment.UpperLeft);
        return ChartFrame.Save(plot, path);
    }

    private static void Mark(Plot plot, Color color, double percentile, double value, int row)
    {
        var (x, y) = (PercentileScale.Of(percentile), LogScale.Of(value));
        var marker = plot.Add.Marker(x, y, MarkerShape.FilledCircle, 9, color);
        marker.LegendText = string.Empty;
        var text = plot.Add.Text(string.Create(CultureInfo.InvariantCulture, $"p{percentile:0} {value:0.##} ms"), x, y);
        text.LabelFontColor = color;
        text.LabelFontSize = 13;
        text.LabelAlignment = Alignment.LowerRight;
        text.OffsetY = -4 - (row * 14);
        text.OffsetX = -6;
    }
}
