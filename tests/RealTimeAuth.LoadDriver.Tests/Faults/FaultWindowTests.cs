using RealTimeAuth.LoadDriver.Faults;

namespace RealTimeAuth.LoadDriver.Tests.Faults;

public sealed class FaultWindowTests
{
    private static readonly FaultEvent[] Run =
    [
        new(100, FaultSeries.DecisionAllowed),
        new(900, FaultSeries.ExchangeAccepted),
        new(1_000, FaultSeries.DecisionAllowed),
        new(1_400, FaultSeries.Exchange(503, "temporarily_unavailable")),
        new(2_500, FaultSeries.DecisionRefused("server-not-current")),
        new(2_600, FaultSeries.DecisionError("Unavailable server-not-current")),
        new(3_000, FaultSeries.DecisionAllowed),
    ];

    [Fact]
    public void First_is_the_earliest_match_at_or_after_the_mark()
    {
        Assert.Equal(1_000, FaultWindow.First(Run, s => s == FaultSeries.DecisionAllowed, 1_000));
        Assert.Equal(2_500, FaultWindow.First(Run, FaultSeries.IsDecisionRefused, 0));
        Assert.Null(FaultWindow.First(Run, FaultSeries.IsDecisionRefused, 2_601));
    }

    [Fact]
    public void Last_and_count_leave_out_the_window_s_end()
    {
        Assert.Equal(100, FaultWindow.Last(Run, s => s == FaultSeries.DecisionAllowed, 0, 1_000));
        Assert.Equal(1_000, FaultWindow.Last(Run, s => s == FaultSeries.DecisionAllowed, 0, 1_001));
        Assert.Equal(2, FaultWindow.Count(Run, FaultSeries.IsDecisionRefused, 1_000, 3_000));
        Assert.Equal(0, FaultWindow.Count(Run, FaultSeries.IsDecisionRefused, 2_601, 3_000));
    }

    [Fact]
    public void Count_by_series_orders_the_most_frequent_first_then_by_name()
    {
        FaultEvent[] events = [new(1, "b"), new(2, "a"), new(3, "b"), new(4, "c"), new(5, "a"), new(6, "b")];


        Assert.Equal([("b", 3), ("a", 2), ("c", 1)], FaultWindow.CountBySeries(events, _ => true, 0, 7));
        Assert.Equal([("a", 2), ("b", 2), ("c", 1)], FaultWindow.CountBySeries(events, _ => true, 0, 6));
    }

    [Fact]
    public void Bins_count_each_series_from_the_origin_and_leave_earlier_events_out()
    {
        var (starts, counts) = FaultWindow.Bins(Run, 1_000, fromMs: 500);

        Assert.Equal([0, 1_000, 2_000], starts);
        Assert.Equal([1, 0, 1], counts[FaultSeries.DecisionAllowed]);
        Assert.Equal([0, 0, 1], counts[FaultSeries.DecisionRefused("server-not-current")]);
        Assert.Equal([1, 0, 0], counts[FaultSeries.ExchangeAccepted]);
    }

    [Fact]
    public void Bins_of_no_events_are_one_empty_bin()
    {
        var (starts, counts) = FaultWindow.Bins([], 500);

        Assert.Equal([0], starts);
        Assert.Empty(counts);
    }

    [Fact]
    public void Since_is_not_a_number_when_it_never_happened()
    {
        Assert.Equal(750, FaultWindow.Since(1_000, 1_750));
        Assert.True(double.IsNaN(FaultWindow.Since(1_000, null)));
    }

    [Theory]
    [InlineData("exchange 200", false, false)]
    [InlineData("exchange 503 temporarily_unavailable", true, false)]
    [InlineData("exchange 500 server_error", true, true)]
    [InlineData("exchange failed HttpRequestException", true, false)]
    public void Exchange_outcomes_are_classified(string series, bool refused, bool is500)
    {
        Assert.Equal(refused, FaultSeries.IsExchangeRefused(series));
        Assert.Equal(is500, FaultSeries.IsExchange500(series));
    }

    [Theory]
    [InlineData(FaultSeries.DecisionAllowed, false)]
    [InlineData(FaultSeries.DecisionLocal, false)]
    [InlineData("decision refused session-revoked", true)]
    [InlineData("decision error Unavailable", true)]
    public void Decision_outcomes_are_classified(string series, bool refused) =>
        Assert.Equal(refused, FaultSeries.IsDecisionRefused(series));
}
