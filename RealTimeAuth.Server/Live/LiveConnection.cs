using System.Threading.Channels;

namespace RealTimeAuth.Server.Live;

/// <summary>
/// One open stream of one session, as the <see cref="StreamHub"/> sees it: a bounded queue of session
/// changes, the sequence of the messages sent and the last one the client acknowledged. Disposing it
/// removes it from the hub.
/// </summary>
internal sealed class LiveConnection : IDisposable
{
    private readonly Channel<LiveSignal> _signals;
    private readonly Action<LiveConnection> _release;

    // Never disposed: the hub may still drop a connection that is closing, and it holds no timer or handle.
    private readonly CancellationTokenSource _dropped = new();
    private ulong _lastSent;
    private ulong _lastAcknowledged;
    private string? _dropReason;
    private int _released;

    public LiveConnection(Guid sessionId, string transport, int capacity, Action<LiveConnection> release)
    {
        SessionId = sessionId;
        Transport = transport;
        _release = release;
        _signals = Channel.CreateBounded<LiveSignal>(new BoundedChannelOptions(capacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    public Guid SessionId { get; }

    /// <summary><c>grpc</c> or <c>sse</c>.</summary>
    public string Transport { get; }

    public ChannelReader<LiveSignal> Signals => _signals.Reader;

    public ulong LastSent => Volatile.Read(ref _lastSent);

    public ulong LastAcknowledged => Volatile.Read(ref _lastAcknowledged);

    /// <summary>Why the hub dropped the stream, or null while it is healthy.</summary>
    public string? DropReason => Volatile.Read(ref _dropReason);

    /// <summary>Cancelled when the hub drops the stream, so a write blocked on a slow client gives up too.</summary>
    public CancellationToken Dropped => _dropped.Token;

    /// <summary>The stream has ended and left the hub.</summary>
    public bool IsClosed => Volatile.Read(ref _released) != 0;

    /// <summary>Continues the message sequence after the last one the client saw on an earlier stream.</summary>
    public void StartAfter(ulong resumeAfter) => Volatile.Write(ref _lastSent, Math.Min(resumeAfter, long.MaxValue));

    /// <summary>The next outgoing sequence number; only the stream's single writer calls it.</summary>
    public ulong NextSequence()
    {
        var next = LastSent + 1;
        Volatile.Write(ref _lastSent, next);
        return next;
    }

    /// <summary>Records an acknowledgement; false for a sequence never sent, which is ignored.</summary>
    public bool Acknowledge(ulong sequence)
    {
        if (sequence > LastSent)
        {
            return false;
        }

        var current = LastAcknowledged;
        while (sequence > current)
        {
            var seen = Interlocked.CompareExchange(ref _lastAcknowledged, sequence, current);
            if (seen == current)
            {
                break;
            }

            current = seen;
        }

        return true;
    }

    /// <summary>Queues a change without waiting; false when the queue is full or the stream was dropped.</summary>
    public bool TryPost(LiveSignal signal) => _signals.Writer.TryWrite(signal);

    /// <summary>
    /// Ends the stream from outside without waiting: the writer sees <see cref="DropReason"/> at its next
    /// step, and <see cref="Dropped"/> fires, its callbacks run on the thread pool rather than the caller's.
    /// </summary>
    public void Drop(string reason)
    {
        Interlocked.CompareExchange(ref _dropReason, reason, null);
        _signals.Writer.TryComplete();
        _ = _dropped.CancelAsync();
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _released, 1) == 0)
        {
            _release(this);
            _signals.Writer.TryComplete();
        }
    }
}
