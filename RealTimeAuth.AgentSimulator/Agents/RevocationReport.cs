namespace RealTimeAuth.AgentSimulator.Agents;

/// <summary>
/// How an agent's session ended and how fast it stopped. <see cref="EventToReceiveMs"/> is <c>ReceivedAt − EventTime</c>,
/// <see cref="EventToStopMs"/> is <c>StoppedAt − EventTime</c>; both need the server's commit time, so both are null for a
/// revocation learned from a refused call rather than pushed.
/// </summary>
public sealed record RevocationReport(
    string Reason,
    string? Detail,
    long? EventSequence,
    bool Pushed,
    DateTimeOffset? EventTime,
    DateTimeOffset? ReceivedAt,
    DateTimeOffset StoppedAt,
    double? EventToReceiveMs,
    double? EventToStopMs);
