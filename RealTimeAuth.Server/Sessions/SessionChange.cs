namespace RealTimeAuth.Server.Sessions;

/// <summary>
/// A change this replica applied to one session, raised after the session cache is updated.
/// The live channel turns it into a pushed revocation or a fresh token.
/// </summary>
public sealed record SessionChange(
    SessionChangeKind Kind,
    SessionState Session,
    long EventSequence,
    DateTimeOffset EventTime,
    string? Reason,
    string? Detail);
