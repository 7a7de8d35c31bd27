using System.Text.Json.Serialization;

namespace RealTimeAuth.Server.Live;

/// <summary>The resource of a JSON authorize request.</summary>
public sealed record LiveResource
{
    [JsonPropertyName("type")]
    public string? Type { get; init; }

    [JsonPropertyName("id")]
    public string? Id { get; init; }

    [JsonPropertyName("properties")]
    public Dictionary<string, string>? Properties { get; init; }
}
