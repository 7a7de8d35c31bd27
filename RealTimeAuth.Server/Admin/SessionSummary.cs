using RealTimeAuth.Server.Data;

namespace RealTimeAuth.Server.Admin;

/// <summary>
/// One session as the admin console lists it, with the key it is bound to (<c>cnf.jkt</c>) and the keys of its
/// delegation chain from the root's down to its own, so an operator can see which agent key acted for whom.
/// </summary>
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
    string? RevocationReason,
    string? KeyThumbprint,
    IReadOnlyList<string> KeyChain)
{
    internal static SessionSummary From(SessionEntity row) => new(
        row.Id, row.ParentId, row.RootId, row.Depth, row.Issuer, row.Subject, row.ClientId, row.AgentId, row.AgentName,
        row.AgentKind, row.Scopes, row.Status, row.TokenSequence, row.CreatedAt, row.UpdatedAt, row.RevokedAt, row.RevocationReason,
        row.KeyThumbprint, row.KeyChain);
}
