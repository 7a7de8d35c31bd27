using Microsoft.Extensions.Time.Testing;
using RealTimeAuth.Server.Keys;
using RealTimeAuth.Testing;

namespace RealTimeAuth.Server.Tests.Keys;

/// <summary>The read a token with an unknown key id may trigger: a flood of such tokens costs one read per interval.</summary>
public sealed class SingleFlightReadTests
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    // Real time, for continuations on a loaded machine; the gate itself runs on the fake clock.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Flood_DuringAndAfterARead_OneReadPerInterval()
    {
        var time = new FakeTimeProvider();
        var reads = 0;
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var gate = new SingleFlightRead(
            async () =>
            {
                Interlocked.Increment(ref reads);
                await release.Task;
            },
            Interval,
            time);

        var joined = Enumerable.Range(0, 1000).Select(_ => gate.RunAsync(CancellationToken.None)).ToList();
        Assert.True(await Eventually.UntilAsync(() => Volatile.Read(ref reads) == 1, Patience));
        Assert.All(joined, call => Assert.False(call.IsCompleted));
        release.SetResult();
        await Task.WhenAll(joined).WaitAsync(Patience);

        // Within the interval of the last read's start, more unknown ids cost nothing and wait for nothing.
        time.Advance(Interval - TimeSpan.FromMilliseconds(1));
        var refused = Enumerable.Range(0, 1000).Select(_ => gate.RunAsync(CancellationToken.None)).ToList();
        Assert.All(refused, call => Assert.True(call.IsCompletedSuccessfully));
        Assert.Equal(1, Volatile.Read(ref reads));

        time.Advance(TimeSpan.FromMilliseconds(1));
        await gate.RunAsync(CancellationToken.None).WaitAsync(Patience);
        Assert.Equal(2, Volatile.Read(ref reads));
    }

    [Fact]
    public async Task SlowRead_CallerWaitsOneIntervalAtMost_AndTheReadIsNotStartedAgain()
    {
        var time = new FakeTimeProvider();
        var reads = 0;
        var never = new TaskCompletionSource();
        var gate = new SingleFlightRead(
            () =>
            {
                Interlocked.Increment(ref reads);
                return never.Task;
            },
            Interval,
            time);

        var waiting = gate.RunAsync(CancellationToken.None);
        Assert.True(await Eventually.UntilAsync(() => Volatile.Read(ref reads) == 1, Patience));
        Assert.False(waiting.IsCompleted);
        time.Advance(Interval);
        await waiting.WaitAsync(Patience);

        // Still under way: a later caller joins it rather than piling a second read on a slow database.
        var later = gate.RunAsync(CancellationToken.None);
        Assert.False(later.IsCompleted);
        time.Advance(Interval);
        await later.WaitAsync(Patience);
        Assert.Equal(1, Volatile.Read(ref reads));
    }
}
