namespace RealTimeAuth.Admin.Api.Models;

/// <summary>One policy version with who made and published it.</summary>
public sealed record PolicyVersionSummary(
    int Version, string Name, string? Description, string Status, int RuleCount, string CreatedBy, DateTimeOffset CreatedAt, string? Comment,
    string? PublishedBy, DateTimeOffset? PublishedAt, string? PublishReason);
