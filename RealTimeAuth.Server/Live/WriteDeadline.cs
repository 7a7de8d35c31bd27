using RealTimeAuth.Protocol.Live;

namespace RealTimeAuth.Server.Live;

/// <summary>
/// Closes a stream with <see cref="RtaStreamCloseReasons.StreamStalled"/> when one write takes longer than
/// <see cref="LiveChannelOptions.WriteTimeout"/>: the client stopped reading and every buffer between is full. One timer
/// per stream, re-armed for each write, so a message costs no allocation. Dropping cancels the write that is blocked.
/// </summary>
internal sealed class WriteDeadline : IDisposable
{
    private readonly CancellationTokenSource _timer;
    private readonly CancellationTokenRegistration _expiry;
    private readonly TimeSpan _limit;

    public WriteDeadline(LiveConnection connection, TimeSpan limit, TimeProvider timeProvider)
    {
        _limit = limit;
        _timer = new CancellationTokenSource(Timeout.InfiniteTimeSpan, timeProvider);
        _expiry = _timer.Token.Register(static state => ((LiveConnection)state!).Drop(RtaStreamCloseReasons.StreamStalled), connection);
    }

    /// <summary>A write starts.</summary>
    public void Arm() => _timer.CancelAfter(_limit);

    /// <summary>The write finished in time.</summary>
    public void Disarm() => _timer.CancelAfter(Timeout.InfiniteTimeSpan);

    public void Dispose()
    {
        _expiry.Dispose();
        _timer.Dispose();
    }
}
