namespace RealTimeAuth.Admin.Live;

/// <summary>
/// Coalesces render requests: the first request renders after at most <c>interval</c>, requests in between
/// fold into it. A burst of thousands of stream events costs a handful of renders (4 per second at 250 ms).
/// The render runs on a timer, so what it throws goes to <c>onFailure</c> (the component's
/// <c>DispatchExceptionAsync</c>); later requests render again.
/// </summary>
public sealed class RenderThrottle(Func<Task> render, TimeSpan interval, Func<Exception, Task> onFailure, TimeProvider? timeProvider = null) : IDisposable
{
    private readonly TimeProvider _timeProvider = timeProvider ?? TimeProvider.System;
    private int _pending;
    private bool _disposed;

    public static readonly TimeSpan Default = TimeSpan.FromMilliseconds(250);

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
            await BackgroundWork.RunAsync(render, onFailure);
        }
    }

    public void Dispose() => _disposed = true;
}
