namespace RealTimeAuth.Admin.Api.Models;

/// <summary>The sessions a revocation ended and the event that records it.</summary>
public sealed record RevocationResponse(IReadOnlyList<Guid> RevokedSessionIds, long EventSequence);
