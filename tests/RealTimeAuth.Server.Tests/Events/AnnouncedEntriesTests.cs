using RealTimeAuth.Server.Data;
using RealTimeAuth.Server.Events;

namespace RealTimeAuth.Server.Tests.Events;

public sealed class AnnouncedEntriesTests
{
    [Fact]
    public void TakeNext_EntriesContinuingFromTheLastApplied_AreTakenInOrderOnce()
    {
        var announced = new AnnouncedEntries();
        announced.Offer([Entry(12), Entry(13)]);
        announced.Offer([Entry(11)]);

        var run = announced.TakeNext(10, out var gap);

        Assert.Equal([11L, 12L, 13L], run.Select(entry => entry.Sequence));
        Assert.False(gap);
        Assert.Empty(announced.TakeNext(13, out _));
    }

    [Fact]
    public void TakeNext_AlreadyApplied_AreSkipped()
    {
        var announced = new AnnouncedEntries();
        announced.Offer([Entry(9), Entry(10), Entry(11)]);

        var run = announced.TakeNext(10, out var gap);

        Assert.Equal([11L], run.Select(entry => entry.Sequence));
        Assert.False(gap);
    }

    [Fact]
    public void TakeNext_AfterAGap_TakesNothingAndReportsTheGap()
    {
        var announced = new AnnouncedEntries();
        announced.Offer([Entry(12), Entry(13)]);

        Assert.Empty(announced.TakeNext(10, out var gap));
        Assert.True(gap);
    }

    [Fact]
    public void DropStranded_EntriesBehindAGap_AreNeverTakenLater()
    {
        var announced = new AnnouncedEntries();
        announced.Offer([Entry(12)]);
        announced.TakeNext(10, out _);

        announced.DropStranded();

        // Had 11 been read from the log, 12 would now continue it; having been dropped, it is not applied.
        Assert.Empty(announced.TakeNext(11, out var gap));
        Assert.False(gap);
    }

    private static EventLogRecord Entry(long sequence) =>
        new() { Sequence = sequence, Type = RtaEventTypes.SessionCreated, Payload = "{}" };
}
