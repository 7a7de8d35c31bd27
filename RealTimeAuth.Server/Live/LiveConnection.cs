using System.Buffers.Text;
using System.Security.Cryptography;
using System.Threading.Channels;

namespace RealTimeAuth.Server.Live;

/// <summary>
/// One open stream of one session, as the <see cref="StreamHub"/> sees it: a bounded queue of session
/// changes, the sequence of the messages sent and the last one the client acknowledged. Disposing it
/// removes it from the hub. A stream opened with a proof of the session's key carries a random
/// <see cref="Binding"/>, which a unary <c>Authorize</c> presents instead of a proof of its own.
/// </summary>
internal sealed class LiveConnection : IDisposable
{
    private readonly Channel<LiveSignal> _signals;
    private readonly Action<LiveConnection> _release;
    private readonly byte[] _binding = RandomNumberGenerator.GetBytes(BindingLength);
    private readonly Lock _refreshLock = new();

    // Never disposed: the hub may still drop a connection that is closing, and it holds no timer or handle.
    private readonly CancellationTokenSource _dropped = new();
    private ulong _lastSent;
    private ulong _lastAcknowledged;
    private string? _dropReason;
    private int _released;
    private ulong _refreshMessage;
    private uint _refreshToken;

    /// <summary>Random bytes naming a bound stream: as hard to guess as a key.</summary>
    public const int BindingLength = 32;

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

    /// <summary>Names this stream among the replicas, so a newer stream of its session supersedes it everywhere else.</summary>
    public Guid Id { get; } = Guid.NewGuid();

    /// <summary>The stream binding sent to the client (base64url of 32 random bytes); a secret like the token.</summary>
    public string Binding => Base64Url.EncodeToString(_binding);

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
    /// <remarks>The client has seen everything up to there, so that counts as acknowledged.</remarks>
    public void StartAfter(ulong resumeAfter)
    {
        var start = Math.Min(resumeAfter, long.MaxValue);
        Volatile.Write(ref _lastSent, start);
        Volatile.Write(ref _lastAcknowledged, start);
    }

    /// <summary>Messages sent that the client has not acknowledged.</summary>
    public ulong Pending => LastSent - Math.Min(LastAcknowledged, LastSent);

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

    /// <summary>Whether <paramref name="presented"/> is this open stream's binding; compared in constant time.</summary>
    public bool IsBoundBy(ReadOnlySpan<byte> presented) =>
        DropReason is null && !IsClosed && CryptographicOperations.FixedTimeEquals(presented, _binding);

    /// <summary>Remembers that the message <paramref name="messageSequence"/> carried token <paramref name="tokenSequence"/>.</summary>
    public void NoteTokenRefresh(ulong messageSequence, uint tokenSequence)
    {
        lock (_refreshLock)
        {
            _refreshMessage = messageSequence;
            _refreshToken = tokenSequence;
        }
    }

    /// <summary>
    /// The sequence of the newest refreshed token the client has acknowledged and not reported before; zero when
    /// none. Each refresh is reported once, so the tokens before it are retired once.
    /// </summary>
    public uint TakeAcknowledgedRefresh()
    {
        lock (_refreshLock)
        {
            if (_refreshToken == 0 || LastAcknowledged < _refreshMessage)
            {
                return 0;
            }

            var token = _refreshToken;
            _refreshToken = 0;
            return token;
        }
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
