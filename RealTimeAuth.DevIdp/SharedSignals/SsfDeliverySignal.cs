namespace RealTimeAuth.DevIdp.SharedSignals;

/// <summary>
/// Wakes the push worker and waiting long polls when SETs are queued. A waiter takes <see cref="NextNotification"/>
/// before it looks for work and then waits on it, so a notification that comes while it looks is not missed.
/// </summary>
public sealed class SsfDeliverySignal
{
    private TaskCompletionSource _pulse = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes at the first <see cref="Notify"/> after this property was read.</summary>
    public Task NextNotification => Volatile.Read(ref _pulse).Task;

    public void Notify() => Interlocked.Exchange(ref _pulse, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    /// <summary>Completes when <paramref name="notification"/> does or <paramref name="timeout"/> passes.</summary>
    public static async Task WaitAsync(Task notification, TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            await notification.WaitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
        }
    }
}
