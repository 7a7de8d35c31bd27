using RealTimeAuth.Server.Data;

namespace RealTimeAuth.Server.Admin;

/// <summary>One session as the admin console lists it.</summary>
public sealed record SessionSummary(
    Guid Id,
    Guid? ParentId,
    Guid RootId,
    int Depth,
    string Issuer,
    string Subject,
    string ClientId,
    string AgentId,
    string AgentName,
    string AgentKind,
    IReadOnlyList<string> Scopes,
    string Status,
    long TokenSequence,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    DateTimeOffset? RevokedAt,
    string? RevocationReason)
{
    internal static SessionSummary From(SessionEntity row) => new(
        row.Id, row.ParentId, row.RootId, row.Depth, row.Issuer, row.Subject, row.ClientId, row.AgentId, row.AgentName,
        row.AgentKind, row.Scopes, row.Status, row.TokenSequence, row.CreatedAt, row.UpdatedAt, row.RevokedAt, row.RevocationReason);
}
