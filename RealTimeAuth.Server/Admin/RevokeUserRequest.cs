namespace RealTimeAuth.Server.Admin;

/// <summary>Revoke every session of one user at one issuer.</summary>
public sealed record RevokeUserRequest(string? Issuer, string? Subject, string? Reason);
