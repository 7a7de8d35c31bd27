using RealTimeAuth.LoadDriver.Reporting;
using RealTimeAuth.LoadDriver.Reporting.Charts;

namespace RealTimeAuth.LoadDriver.Tests.Reporting;

public sealed class ChartTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("rta-charts-").FullName;

    [Fact]
    public void Percentile_chart_is_a_png_of_the_frame_size()
    {
        var random = new Random(7);
        var fast = Enumerable.Range(0, 2000).Select(_ => 0.5 + (random.NextDouble() * 2)).ToList();
        var slow = Enumerable.Range(0, 500).Select(_ => 2 + Math.Pow(random.NextDouble(), 8) * 300).Append(0).ToList();

        var path = PercentileChart.Save(Path.Combine(_folder, "run.png"), "Revocation → push", "driver revocation\nmachine",
            [new LatencySeries("1,000 agents", fast), new LatencySeries("10 agents", slow)]);

        Assert.Equal((ChartFrame.Width, ChartFrame.Height), PngFile.Size(path));
    }

    [Fact]
    public void Agents_chart_is_a_png_of_the_frame_size()
    {
        var points = new[] { 1, 100, 1000 }
            .Select(agents => (agents, Distribution.Of(Enumerable.Range(1, 100).Select(value => value * Math.Log10(agents + 1)))))
            .ToList();

        var path = AgentsChart.Save(Path.Combine(_folder, "run-vs-agents.png"), "Revocation → push", "driver\nmachine", points);

        Assert.Equal((ChartFrame.Width, ChartFrame.Height), PngFile.Size(path));
    }

    [Fact]
    public void Percentile_chart_of_an_empty_sample_still_renders()
    {
        var path = PercentileChart.Save(Path.Combine(_folder, "empty.png"), "Nothing measured", "driver\nmachine", [new LatencySeries("none", [])]);

        Assert.Equal((ChartFrame.Width, ChartFrame.Height), PngFile.Size(path));
    }

    [Fact]
    public void Timeline_chart_is_a_png_of_the_frame_size()
    {
        double[] minutes = [0, 1, 2, 3];
        var path = TimelineChart.Save(Path.Combine(_folder, "soak-timeline.png"), "Soak", "driver soak\nmachine",
            [("working set", minutes, [200, 210, 212, 211])],
            ("revocation", [0.5, 1.5, 2.5], [12, 0, 300]),
            warmupMinutes: 1);

        Assert.Equal((ChartFrame.Width, ChartFrame.Height), PngFile.Size(path));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
