namespace RealTimeAuth.AgentSimulator.Admin;

/// <summary>The admin API's answer to a revocation: the sessions it ended and the event that records it.</summary>
public sealed record AdminRevocation(IReadOnlyList<Guid> RevokedSessionIds, long EventSequence);
