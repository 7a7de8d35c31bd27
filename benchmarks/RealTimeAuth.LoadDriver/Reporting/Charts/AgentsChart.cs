using ScottPlot;
using ScottPlot.TickGenerators;

namespace RealTimeAuth.LoadDriver.Reporting.Charts;

/// <summary>Latency percentiles (p50, p90, p99, max) against connected agents, both on log axes.</summary>
internal static class AgentsChart
{
    public static string Save(string path, string title, string footer, IReadOnlyList<(int Agents, Distribution Latency)> points)
    {
        var plot = ChartFrame.Create(title, "Connected agents (log scale)", "Latency (ms, log scale)", footer);
        var agents = points.Select(point => LogScale.Of(point.Agents)).ToArray();
        var statistics = new (string Name, Func<Distribution, double> Value)[]
        {
            ("p50", d => d.P50), ("p90", d => d.P90), ("p99", d => d.P99), ("max", d => d.Max),
        };
        var palette = new ScottPlot.Palettes.Category10();
        for (var index = 0; index < statistics.Length; index++)
        {
            var line = plot.Add.Scatter(agents, points.Select(point => LogScale.Of(statistics[index].Value(point.Latency))).ToArray(), palette.GetColor(index));
            line.LegendText = statistics[index].Name;
            line.LineWidth = 2;
            line.MarkerSize = 8;
        }

        var ticks = new NumericManual();
        foreach (var point in points)
        {
            ticks.AddMajor(LogScale.Of(point.Agents), LogScale.Label(point.Agents));
        }

        plot.Axes.Bottom.TickGenerator = ticks;
        var (low, high) = (agents.DefaultIfEmpty(0).Min(), agents.DefaultIfEmpty(1).Max());
        var margin = Math.Max(0.1, (high - low) * 0.05);
        plot.Axes.SetLimitsX(low - margin, high + margin);
        var values = points.SelectMany(point => new[] { point.Latency.P50, point.Latency.Max }).Where(double.IsFinite).DefaultIfEmpty(1).ToList();
        ChartFrame.LogTicks(plot.Axes.Left, Math.Max(LogScale.Floor, values.Min()), values.Max());
        plot.ShowLegend(Alignment.UpperLeft);
        return ChartFrame.Save(plot, path);
    }
}
