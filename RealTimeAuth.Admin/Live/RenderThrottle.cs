namespace RealTimeAuth.Admin.Live;

/// <summary>
/// Coalesces render requests: the first request renders after at most <c>interval</c>, requests in between
/// fold into it. A burst of thousands of stream events costs a handful of renders (4 per second at 250 ms).
/// </summary>
public sealed class RenderThrottle(Func<Task> render, TimeSpan interval, TimeProvider? timeProvider = null) : IDisposable
{
    private readonly TimeProvider _timeProvider = timeProvider ?? TimeProvider.System;
    private int _pending;
    private bool _disposed;

    public static readonly TimeSpan Default = TimeSpan.FromMilliseconds(250);

    /// <summary>How many renders actually ran (for tests and diagnostics).</summary>
    public int Renders { get; private set; }

    public void Request()
    {
        if (_disposed || Interlocked.Exchange(ref _pending, 1) == 1)
        {
            return;
        }

        _ = RunAsync();
    }

    private async Task RunAsync()
    {
        await Task.Delay(interval, _timeProvider);
        Interlocked.Exchange(ref _pending, 0);
        if (!_disposed)
        {
            Renders++;
            await render();
        }
    }

    public void Dispose() => _disposed = true;
}
