using System.Diagnostics;
using Xunit;

namespace RealTimeAuth.Testing.Tests;

public sealed class EventuallyTests
{
    private static readonly TimeSpan Often = TimeSpan.FromMilliseconds(5);

    [Fact]
    public async Task UntilAsync_ConditionComesTrue_TrueWithoutCheckingAgain()
    {
        var checks = 0;

        var held = await Eventually.UntilAsync(() => ++checks == 3, TimeSpan.FromSeconds(10), interval: Often);

        Assert.True(held);
        Assert.Equal(3, checks);
    }

    [Fact]
    public async Task UntilAsync_ConditionNeverTrue_FalseOnceTheTimeoutHasPassed()
    {
        var timeout = TimeSpan.FromMilliseconds(50);
        var waited = Stopwatch.StartNew();

        var held = await Eventually.UntilAsync(() => false, timeout, interval: Often);

        Assert.False(held);
        Assert.True(waited.Elapsed >= timeout, $"Gave up after {waited.Elapsed.TotalMilliseconds:0} ms.");
    }

    [Fact]
    public async Task UntilAsync_Cancelled_Throws()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Eventually.UntilAsync(() => false, TimeSpan.FromSeconds(10), cancelled.Token));
    }

    [Fact]
    public async Task ReadUntilAsync_ValueAccepted_ReturnsIt()
    {
        var reads = 0;

        var value = await Eventually.ReadUntilAsync(() => Task.FromResult(++reads), read => read >= 2, TimeSpan.FromSeconds(10), "A second read", interval: Often);

        Assert.Equal(2, value);
    }

    [Fact]
    public async Task ReadUntilAsync_NeverAccepted_TimeoutNamesWhatAndTheLastValue()
    {
        var reads = 0;

        var exception = await Assert.ThrowsAsync<TimeoutException>(() =>
            Eventually.ReadUntilAsync(() => Task.FromResult(++reads), read => read < 0, TimeSpan.FromMilliseconds(30), "A negative read", interval: Often));

        Assert.StartsWith("A negative read ", exception.Message, StringComparison.Ordinal);
        Assert.EndsWith($"last read: {reads}.", exception.Message, StringComparison.Ordinal);
    }
}
