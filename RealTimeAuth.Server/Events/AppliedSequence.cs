using System.Collections.Concurrent;

namespace RealTimeAuth.Server.Events;

/// <summary>The last event-log sequence this replica has applied, and the callers waiting for a later one.</summary>
public sealed class AppliedSequence
{
    private readonly ConcurrentDictionary<TaskCompletionSource, long> _waiters = new();
    private long _last;

    public long Last => Interlocked.Read(ref _last);

    /// <summary>Records that everything up to <paramref name="sequence"/> is applied and releases its waiters.</summary>
    public void Advance(long sequence)
    {
        Interlocked.Exchange(ref _last, sequence);
        foreach (var (waiter, wanted) in _waiters)
        {
            if (wanted <= sequence)
            {
                waiter.TrySetResult();
            }
        }
    }

    /// <summary>Whether a caller waits for an entry after <paramref name="sequence"/>.</summary>
    public bool HasWaitersBeyond(long sequence)
    {
        foreach (var (_, wanted) in _waiters)
        {
            if (wanted > sequence)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Completes once <paramref name="sequence"/> is applied; <paramref name="requestRead"/> wakes the synchronizer.</summary>
    public async Task WaitAsync(long sequence, Action requestRead, CancellationToken cancellationToken)
    {
        if (Last >= sequence)
        {
            return;
        }

        var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiters[waiter] = sequence;
        requestRead();
        // Advance may have run between the first check and the registration.
        if (Last >= sequence)
        {
            _waiters.TryRemove(waiter, out _);
            return;
        }

        try
        {
            await waiter.Task.WaitAsync(cancellationToken);
        }
        finally
        {
            _waiters.TryRemove(waiter, out _);
        }
    }
}
