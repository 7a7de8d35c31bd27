namespace RealTimeAuth.Admin.Api.Models;

/// <summary>
/// One session as the server's admin API lists it. <see cref="KeyChain"/> holds the key thumbprints from the root
/// session's down to this one's; both key members are absent for a session made before sessions were bound to keys.
/// </summary>
public sealed record SessionSummary(
    Guid Id, Guid? ParentId, Guid RootId, int Depth, string Issuer, string Subject, string ClientId, string AgentId, string AgentName,
    string AgentKind, IReadOnlyList<string> Scopes, string Status, long TokenSequence, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
    DateTimeOffset? RevokedAt, string? RevocationReason, string? KeyThumbprint = null, IReadOnlyList<string>? KeyChain = null)
{
    public bool IsActive => Status == "Active";
}
