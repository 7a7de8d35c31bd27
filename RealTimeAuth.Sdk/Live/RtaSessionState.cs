using RealTimeAuth.Protocol.Tokens;

namespace RealTimeAuth.Sdk.Live;

/// <summary>The mutable part of a session: its token and connection state, changed under one lock.</summary>
internal sealed class RtaSessionState
{
    private readonly Lock _gate = new();
    private string _token;
    private uint _tokenSequence;
    private DateTimeOffset _freshUntil;
    private RtaConnectionState _state = RtaConnectionState.Connecting;
    private string? _endReason;

    public RtaSessionState(string token, DateTimeOffset freshUntil)
    {
        _token = token;
        _tokenSequence = SequenceOf(token);
        _freshUntil = freshUntil;
    }

    public string Token => Volatile.Read(ref _token);

    public DateTimeOffset FreshUntil
    {
        get
        {
            lock (_gate)
            {
                return _freshUntil;
            }
        }
    }

    public RtaConnectionState State
    {
        get
        {
            lock (_gate)
            {
                return _state;
            }
        }
    }

    /// <summary>Why the session ended (revocation or refusal reason, or <c>disposed</c>); null while it lives.</summary>
    public string? EndReason
    {
        get
        {
            lock (_gate)
            {
                return _endReason;
            }
        }
    }

    public static bool IsFinal(RtaConnectionState state) =>
        state is RtaConnectionState.Revoked or RtaConnectionState.Expired or RtaConnectionState.Disposed;

    /// <summary>
    /// Takes a pushed token unless the session has ended or the client already holds a newer one
    /// (a replayed push after a resume must not roll the token back). Sequence 0 means unknown and is always taken.
    /// </summary>
    public bool TryRefresh(string token, uint sequence, DateTimeOffset freshUntil)
    {
        lock (_gate)
        {
            if (IsFinal(_state) || (sequence != 0 && sequence <= _tokenSequence))
            {
                return false;
            }

            Volatile.Write(ref _token, token);
            _tokenSequence = Math.Max(_tokenSequence, sequence);
            _freshUntil = freshUntil;
            return true;
        }
    }

    /// <summary>Moves to <paramref name="state"/>; returns the change, or null when nothing changed. Final states are left only for Disposed.</summary>
    public RtaConnectionStateChangedEventArgs? TryMove(RtaConnectionState state, string? reason, Exception? exception)
    {
        lock (_gate)
        {
            var previous = _state;
            if (previous == state || previous == RtaConnectionState.Disposed
                || (IsFinal(previous) && state != RtaConnectionState.Disposed))
            {
                return null;
            }

            _state = state;
            if (IsFinal(state))
            {
                _endReason ??= reason;
            }

            return new RtaConnectionStateChangedEventArgs(previous, state, reason, exception);
        }
    }

    private static uint SequenceOf(string token)
    {
        Span<byte> bytes = stackalloc byte[RtaTokenLayout.Length];
        return RtaTokenText.TryDecode(token, bytes) && RtaTokenView.TryCreate(bytes, out var view) ? view.Sequence : 0;
    }
}
