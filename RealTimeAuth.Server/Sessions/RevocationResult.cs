namespace RealTimeAuth.Server.Sessions;

/// <summary>The sessions a revocation ended (empty when none was active) and the event that records it.</summary>
public sealed record RevocationResult(IReadOnlyList<Guid> RevokedSessionIds, long EventSequence)
{
    public static RevocationResult None { get; } = new([], 0);
}
