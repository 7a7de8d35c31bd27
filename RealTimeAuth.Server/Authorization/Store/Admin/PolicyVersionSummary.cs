using RealTimeAuth.Server.Data;

namespace RealTimeAuth.Server.Authorization.Store.Admin;

/// <summary>A stored policy version without its document.</summary>
public sealed record PolicyVersionSummary(
    int Version,
    string? Name,
    string? Description,
    string Status,
    int RuleCount,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    string? Comment,
    string? PublishedBy,
    DateTimeOffset? PublishedAt,
    string? PublishReason)
{
    public static PolicyVersionSummary From(PolicyVersionEntity row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new(row.Version, row.Name, row.Description, row.Status, row.RuleCount, row.CreatedBy, row.CreatedAt,
            row.Comment, row.PublishedBy, row.PublishedAt, row.PublishReason);
    }
}
