using RealTimeAuth.Protocol.Live;

namespace RealTimeAuth.Sdk;

/// <summary>The session was revoked: pushed by the server, or learned when the server refused the token.</summary>
public sealed class RtaRevokedEventArgs : EventArgs
{
    /// <summary>
    /// Stable reason code. A pushed revocation carries one of <see cref="RtaRevocationReasons"/>:
    /// <see cref="RtaRevocationReasons.SessionRevoked"/>, <see cref="RtaRevocationReasons.AdminRevoked"/>,
    /// <see cref="RtaRevocationReasons.AncestorRevoked"/> (a session above this one was revoked),
    /// <see cref="RtaRevocationReasons.UserRevoked"/>, <see cref="RtaRevocationReasons.PolicyRevoked"/> (the active policy
    /// leaves the session no permission), or a Shared Signals cause such as
    /// <see cref="RtaRevocationReasons.CaepSessionRevoked"/> or <see cref="RtaRevocationReasons.RiscAccountDisabled"/>.
    /// A refused token (<see cref="Pushed"/> false) carries the server's token status instead, for example
    /// <see cref="RtaRevocationReasons.SessionRevoked"/>, <c>session-unknown</c> or <c>token-bad-signature</c>.
    /// Compare with the constants; codes may be added, none is ever renamed.
    /// </summary>
    public required string Reason { get; init; }

    /// <summary>The admin's or event's own words, if any.</summary>
    public string? Detail { get; init; }

    /// <summary>Event log sequence of the change; null when the revocation was learned from a refused token.</summary>
    public long? EventSequence { get; init; }

    /// <summary>When the server committed the change; null when unknown.</summary>
    public DateTimeOffset? EventTime { get; init; }

    /// <summary>When this client received it, by the client's clock.</summary>
    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>True when the server pushed it on the live channel; false when a call was refused.</summary>
    public required bool Pushed { get; init; }
}
