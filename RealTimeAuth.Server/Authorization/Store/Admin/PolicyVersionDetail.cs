using System.Text.Json;
using RealTimeAuth.Server.Data;

namespace RealTimeAuth.Server.Authorization.Store.Admin;

/// <summary>A stored policy version with its document (the policy file as imported).</summary>
public sealed record PolicyVersionDetail(
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
    string? PublishReason,
    JsonElement Document)
{
    public static PolicyVersionDetail From(PolicyVersionEntity row)
    {
        ArgumentNullException.ThrowIfNull(row);
        using var document = JsonDocument.Parse(row.Document);
        return new(row.Version, row.Name, row.Description, row.Status, row.RuleCount, row.CreatedBy, row.CreatedAt,
            row.Comment, row.PublishedBy, row.PublishedAt, row.PublishReason, document.RootElement.Clone());
    }
}
