using RealTimeAuth.Server.Data;

namespace RealTimeAuth.Server.Authorization.Audit;

/// <summary>One audited decision as the audit API returns it; <see cref="KeyChain"/> lists the keys of its agent chain;
/// <see cref="Truncated"/> marks a row the writer had to cut to store.</summary>
public sealed record DecisionAuditItem(
    long Id,
    DateTimeOffset Time,
    Guid? SessionId,
    string User,
    IReadOnlyList<string> AgentChain,
    string Action,
    string ResourceType,
    string? ResourceId,
    string Decision,
    string? PolicyVersion,
    string? Reason,
    string Source,
    IReadOnlyList<string> KeyChain,
    bool Truncated = false)
{
    public static DecisionAuditItem From(DecisionAuditEntity row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new(row.Id, row.Time, row.SessionId, row.User, row.AgentChain, row.Action, row.ResourceType, row.ResourceId,
            row.Allowed ? "allow" : "deny", row.PolicyVersion, row.Reason, row.Source, row.KeyChain, row.Truncated);
    }
}
