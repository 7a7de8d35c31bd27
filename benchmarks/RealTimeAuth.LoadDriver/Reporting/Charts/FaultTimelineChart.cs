using ScottPlot;

namespace RealTimeAuth.LoadDriver.Reporting.Charts;

/// <summary>
/// A fault run over time: outcomes per second as step lines (decisions and exchanges on the left axis, bursts such as
/// revocations delivered or agents reconnected on the right), the fault window shaded and each mark a dashed line.
/// </summary>
internal static class FaultTimelineChart
{
    /// <summary>One plotted line: its label, events per second in each bin, and whether it uses the right axis.</summary>
    public sealed record Line(string Label, double[] PerSecond, bool RightAxis);

    public static string Save(
        string path, string title, string footer, double[] binStartsSeconds, IReadOnlyList<Line> lines,
        IReadOnlyList<(string Label, double FromSeconds, double ToSeconds)> windows, IReadOnlyList<(string Label, double AtSeconds)> marks)
    {
        var plot = ChartFrame.Create(title, "Time since the load started (s)", "Decisions and exchanges per second", footer);
        var palette = new ScottPlot.Palettes.Category10();
        foreach (var (window, index) in windows.Select((window, index) => (window, index)))
        {
            var span = plot.Add.HorizontalSpan(window.FromSeconds, window.ToSeconds, Colors.Red.WithAlpha(0.08 + (0.06 * index)));
            span.LegendText = window.Label;
        }

        var rightUsed = false;
        for (var index = 0; index < lines.Count; index++)
        {
            var line = plot.Add.ScatterLine(binStartsSeconds, lines[index].PerSecond, palette.GetColor(index));
            line.ConnectStyle = ConnectStyle.StepHorizontal;
            line.LineWidth = lines[index].RightAxis ? 1.5f : 2;
            line.LegendText = lines[index].RightAxis ? lines[index].Label + " (right axis)" : lines[index].Label;
            if (lines[index].RightAxis)
            {
                line.Axes.YAxis = plot.Axes.Right;
                rightUsed = true;
            }
        }

        foreach (var (label, at) in marks)
        {
            var mark = plot.Add.VerticalLine(at, 1, Colors.DimGray, LinePattern.Dashed);
            mark.LegendText = $"{label} ({at:0.0} s)";
        }

        if (rightUsed)
        {
            plot.Axes.Right.Label.Text = "Bursts per second";
            var rightTop = lines.Where(line => line.RightAxis).SelectMany(line => line.PerSecond).DefaultIfEmpty(1).Max();
            plot.Axes.SetLimitsY(0, Math.Max(1, rightTop) * 1.6, plot.Axes.Right);
        }

        // The whole run, whichever axis its lines use (autoscaling follows the left axis only).
        if (binStartsSeconds.Length > 0)
        {
            plot.Axes.SetLimitsX(binStartsSeconds[0], Math.Max(binStartsSeconds[^1], marks.Select(mark => mark.AtSeconds).DefaultIfEmpty(0).Max()) + 1);
        }

        // Headroom above the lines keeps the legend off the data.
        var top = lines.Where(line => !line.RightAxis).SelectMany(line => line.PerSecond).DefaultIfEmpty(1).Max();
        plot.Axes.SetLimitsY(0, Math.Max(1, top) * 1.6, plot.Axes.Left);
        plot.ShowLegend(Alignment.UpperLeft);
        return ChartFrame.Save(plot, path);
    }
}
