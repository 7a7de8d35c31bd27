using ScottPlot;

namespace RealTimeAuth.LoadDriver.Reporting.Charts;

/// <summary>
/// A run over time: memory series (MB) on the left axis, one latency per event (ms, log scale) as dots on the right
/// axis, and a dashed line where the warm-up ends.
/// </summary>
internal static class TimelineChart
{
    public static string Save(
        string path, string title, string footer, IReadOnlyList<(string Label, double[] Minutes, double[] Megabytes)> memory,
        (string Label, double[] Minutes, double[] Milliseconds) latency, double warmupMinutes)
    {
        var plot = ChartFrame.Create(title, "Time since the load started (min)", "Server memory (MB)", footer);
        var palette = new ScottPlot.Palettes.Category10();
        for (var index = 0; index < memory.Count; index++)
        {
            var line = plot.Add.ScatterLine(memory[index].Minutes, memory[index].Megabytes, palette.GetColor(index));
            line.LineWidth = 2;
            line.LegendText = memory[index].Label;
        }

        var dots = plot.Add.ScatterPoints(latency.Minutes, [.. latency.Milliseconds.Select(LogScale.Of)], palette.GetColor(memory.Count));
        dots.MarkerSize = 3;
        dots.LegendText = latency.Label + " (right axis)";
        dots.Axes.YAxis = plot.Axes.Right;
        plot.Axes.Right.Label.Text = "Latency (ms, log scale)";
        var values = latency.Milliseconds.Where(value => value > 0).DefaultIfEmpty(1).ToList();
        ChartFrame.LogTicks(plot.Axes.Right, values.Min(), values.Max());

        var warmup = plot.Add.VerticalLine(warmupMinutes, 1, Colors.Gray, LinePattern.Dashed);
        warmup.LegendText = "warm-up ends (the memory slope is fitted after it)";

        // Headroom above the memory lines keeps the legend off the data.
        var top = memory.SelectMany(series => series.Megabytes).DefaultIfEmpty(1).Max();
        plot.Axes.SetLimitsY(0, top * 1.5, plot.Axes.Left);
        plot.ShowLegend(Alignment.UpperLeft);
        return ChartFrame.Save(plot, path);
    }
}
