using RealTimeAuth.DevIdp.SharedSignals;

namespace RealTimeAuth.DevIdp.Tests.SharedSignals;

/// <summary>A waiter looks for work, then waits: a SET queued while it looks must still wake it.</summary>
public sealed class SsfDeliverySignalTests
{
    [Fact]
    public async Task NotificationWhileTheWaiterLooksForWork_EndsItsWaitAtOnce()
    {
        var signal = new SsfDeliverySignal();
        var queued = signal.NextNotification;

        signal.Notify();
        var waited = System.Diagnostics.Stopwatch.StartNew();
        await SsfDeliverySignal.WaitAsync(queued, TimeSpan.FromSeconds(10), CancellationToken.None);

        Assert.True(waited.Elapsed < TimeSpan.FromSeconds(5), $"Waited {waited.Elapsed} for a notification already given.");
    }

    [Fact]
    public async Task NoNotification_WaitEndsAtTheTimeout()
    {
        var signal = new SsfDeliverySignal();
        var waited = System.Diagnostics.Stopwatch.StartNew();

        await SsfDeliverySignal.WaitAsync(signal.NextNotification, TimeSpan.FromMilliseconds(100), CancellationToken.None);

        Assert.True(waited.Elapsed >= TimeSpan.FromMilliseconds(90));
        Assert.False(signal.NextNotification.IsCompleted);
    }
}
