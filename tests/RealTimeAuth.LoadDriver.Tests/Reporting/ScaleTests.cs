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
    public void Percentile_curve_puts_the_largest_of_n_at_log_n()
    {
        var (x, latency) = PercentileScale.Curve([5, 1, 3, 2, 4, 6, 7, 8, 9, 10]);

        Assert.Equal([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], latency);
        Assert.Equal(0, x[0]);
        Assert.Equal(1, x[^1], 6);
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
