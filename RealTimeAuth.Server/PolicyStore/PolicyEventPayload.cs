namespace RealTimeAuth.Server.PolicyStore;

/// <summary>The payload of <c>policy.published</c> and <c>directory.imported</c> entries: the version and why.</summary>
public sealed record PolicyEventPayload(int Version, string? Reason);
