using RealTimeAuth.LoadDriver.Reporting.Charts;

namespace RealTimeAuth.LoadDriver.Tests.Reporting;

public sealed class ScaleTests
{
    [Theory]
    [InlineData(50, 0.30103)]
    [InlineData(90, 1)]
    [InlineData(99, 2)]
    [InlineData(99.9, 3)]
    public void Nines_axis_spaces_each_nine_one_apart(double percentile, double position) =>
        Assert.Equal(position, PercentileScale.Of(percentile), 4);

    [Fact]
    public void Percentile_curve_steps_from_rank_to_rank_and_holds_the_largest_to_the_end()
    {
        var (x, latency) = PercentileScale.Curve([5, 1, 3, 2, 4, 6, 7, 8, 9, 10], end: 2);

        Assert.Equal([1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10], latency);
        Assert.Equal(0, x[0]);
        Assert.Equal(PercentileScale.Of(10), x[1], 6);
        Assert.Equal(PercentileScale.Of(90), x[^2], 6);
        Assert.Equal(2, x[^1]);
    }

    [Fact]
    public void Nearest_rank_p99_lies_on_the_step_curve()
    {
        var values = Enumerable.Range(1, 3).Select(value => (double)value * 100).ToList();
        var (x, latency) = PercentileScale.Curve(values, end: 2);
        var p99 = RealTimeAuth.LoadDriver.Reporting.Distribution.Of(values).P99;

        var step = Enumerable.Range(0, x.Length / 2).Single(index => x[2 * index] <= PercentileScale.Of(99) && PercentileScale.Of(99) <= x[(2 * index) + 1]);
        Assert.Equal(p99, latency[2 * step]);
    }

    [Fact]
    public void Percentile_ticks_reach_the_nines_the_sample_can_show()
    {
        var labels = PercentileScale.Ticks(2000).Select(tick => tick.Label);

        Assert.Equal(["0%", "50%", "90%", "99%", "99.9%", "99.99%"], labels);
    }

    [Fact]
    public void Log_decades_cover_the_range_and_zero_sits_at_the_floor()
    {
        var decades = LogScale.Decades(0.3, 250);

        Assert.Equal(["0.1", "1", "10", "100", "1,000"], decades.Select(decade => decade.Label));
        Assert.Equal(Math.Log10(LogScale.Floor), LogScale.Of(0));
        Assert.Equal(8 * 4, LogScale.Minors(0.3, 250).Count());
    }
}
