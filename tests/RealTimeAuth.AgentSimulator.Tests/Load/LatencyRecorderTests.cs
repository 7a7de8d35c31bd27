using RealTimeAuth.AgentSimulator.Load;

namespace RealTimeAuth.AgentSimulator.Tests.Load;

public sealed class LatencyRecorderTests
{
    [Fact]
    public void Summarize_OneToHundredShuffled_GivesNearestRankPercentiles()
    {
        var recorder = new LatencyRecorder("authorize");
        foreach (var value in Enumerable.Range(1, 100).OrderBy(value => (value * 37) % 101))
        {
            recorder.Record(value);
        }

        var summary = recorder.Summarize();

        Assert.Equal(new LatencySummary("authorize", 100, 1, 50, 90, 99, 100, 50.5), summary);
    }

    [Fact]
    public void Summarize_TenSamples_P99IsTheLargest()
    {
        var recorder = new LatencyRecorder("exchange");
        foreach (var value in new[] { 5.0, 1, 9, 3, 7, 2, 8, 4, 6, 10 })
        {
            recorder.Record(value);
        }

        var summary = recorder.Summarize();

        Assert.Equal(5, summary.P50Ms);
        Assert.Equal(9, summary.P90Ms);
        Assert.Equal(10, summary.P99Ms);
    }

    [Fact]
    public void Summarize_NoSamples_IsAllZeroWithCountZero()
    {
        var summary = new LatencyRecorder("event-to-stop").Summarize();

        Assert.Equal(new LatencySummary("event-to-stop", 0, 0, 0, 0, 0, 0, 0), summary);
    }

    [Fact]
    public void Record_NegativeAndNaN_NegativeCountsAsZeroNaNIsIgnored()
    {
        var recorder = new LatencyRecorder("event-to-receive");

        recorder.Record(-3);
        recorder.Record(double.NaN);
        recorder.Record(TimeSpan.FromMilliseconds(4));

        var summary = recorder.Summarize();
        Assert.Equal(2, summary.Count);
        Assert.Equal(0, summary.MinMs);
        Assert.Equal(4, summary.MaxMs);
    }

    [Fact]
    public async Task Record_FromManyThreads_KeepsEverySample()
    {
        var recorder = new LatencyRecorder("authorize");

        await Parallel.ForAsync(0, 8, async (thread, _) =>
        {
            await Task.Yield();
            for (var i = 0; i < 1000; i++)
            {
                recorder.Record(i);
            }
        });

        Assert.Equal(8000, recorder.Summarize().Count);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(100.5)]
    public void Percentile_OutsideZeroToHundred_Throws(double percent)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => LatencyRecorder.Percentile([1.0, 2.0], percent));
    }
}
