namespace RealTimeAuth.Server.SharedSignals.Admin;

/// <summary>
/// The event-log record of an admin adding or removing a transmitter: which stream, whom it speaks for and which
/// attributes its events may change (the effective list). The push Authorization header is a secret and is never part of it.
/// </summary>
public sealed record TransmitterChangedPayload(
    Guid StreamId, string Issuer, string Audience, string DeliveryMethod, IReadOnlyList<string> SubjectIssuers, IReadOnlyList<string> AllowedClaims);
