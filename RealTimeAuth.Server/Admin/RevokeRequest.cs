namespace RealTimeAuth.Server.Admin;

/// <summary>Why an admin revokes: shown to the agent on its stream and kept in the audit trail.</summary>
public sealed record RevokeRequest(string? Reason);
