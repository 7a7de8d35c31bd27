namespace RealTimeAuth.Server.Keys;

/// <summary>
/// Runs a read on demand, one at a time and at most once per <paramref name="interval"/>: a caller joins the read under way,
/// starts one when the last started an interval ago or more, and otherwise returns at once. However many callers ask,
/// the read runs at most once per interval; none waits longer than one interval.
/// </summary>
internal sealed class SingleFlightRead(Func<Task> read, TimeSpan interval, TimeProvider timeProvider)
{
    private readonly Lock _lock = new();
    private Task _running = Task.CompletedTask;
    private long? _lastStarted;

    /// <summary>Completes when the read this call joined or started has finished, or at once when none may start.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        Task running;
        lock (_lock)
        {
            if (_running.IsCompleted)
            {
                var now = timeProvider.GetTimestamp();
                if (_lastStarted is { } last && timeProvider.GetElapsedTime(last, now) < interval)
                {
                    return;
                }

                _lastStarted = now;
                // Started off the lock: the read's synchronous part must not run while callers wait for it.
                _running = Task.Run(read, CancellationToken.None);
            }

            running = _running;
        }

        try
        {
            // No context to come back to: a caller's thread must not be needed for the read's waiters to finish.
            await running.WaitAsync(interval, timeProvider, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // The caller checks again with what it has and refuses; the read goes on for the next one.
        }
    }
}
