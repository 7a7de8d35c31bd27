namespace RealTimeAuth.Admin.Api.Models;

/// <summary>One session as the server's admin API lists it.</summary>
public sealed record SessionSummary(
    Guid Id, Guid? ParentId, Guid RootId, int Depth, string Issuer, string Subject, string ClientId, string AgentId, string AgentName,
    string AgentKind, IReadOnlyList<string> Scopes, string Status, long TokenSequence, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt,
    DateTimeOffset? RevokedAt, string? RevocationReason)
{
    public bool IsActive => Status == "Active";
}
