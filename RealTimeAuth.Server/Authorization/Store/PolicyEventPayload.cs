using System.Text.Json.Serialization;

namespace RealTimeAuth.Server.Authorization.Store;

/// <summary>The payload of <c>policy.published</c> and <c>directory.imported</c> entries: <c>{ "version", "reason" }</c>.</summary>
public sealed record PolicyEventPayload(
    [property: JsonPropertyName("version")] int Version,
    [property: JsonPropertyName("reason")] string? Reason);
