using RealTimeAuth.Protocol.Live;

namespace RealTimeAuth.Sdk;

/// <summary>The live channel moved from one state to another.</summary>
public sealed class RtaConnectionStateChangedEventArgs(
    RtaConnectionState previousState,
    RtaConnectionState state,
    string? reason,
    Exception? exception) : EventArgs
{
    public RtaConnectionState PreviousState { get; } = previousState;

    public RtaConnectionState State { get; } = state;

    /// <summary>
    /// The stable reason code for a final state: when revoked, the code of <see cref="RtaRevokedEventArgs.Reason"/>
    /// (for example <see cref="RtaRevocationReasons.SessionRevoked"/>); when expired, <c>token-expired</c>.
    /// </summary>
    public string? Reason { get; } = reason;

    /// <summary>The failure that made the client reconnect, if any.</summary>
    public Exception? Exception { get; } = exception;
}
