using System.Text.Json;

namespace RealTimeAuth.Admin.Api.Models;

/// <summary>A policy version with its document (the policy file as imported).</summary>
public sealed record PolicyVersionDetail(
    int Version, string Name, string? Description, string Status, int RuleCount, string CreatedBy, DateTimeOffset CreatedAt, string? Comment,
    string? PublishedBy, DateTimeOffset? PublishedAt, string? PublishReason, JsonElement Document);
