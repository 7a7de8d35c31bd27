namespace RealTimeAuth.Sdk;

/// <summary>The session was revoked: pushed by the server, or learned when the server refused the token.</summary>
public sealed class RtaRevokedEventArgs : EventArgs
{
    /// <summary>Stable reason code, for example <c>session-revoked</c>, <c>ancestor-revoked</c>, <c>user-revoked</c>.</summary>
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
