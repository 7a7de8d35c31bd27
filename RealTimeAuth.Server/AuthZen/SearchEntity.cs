using System.Text.Json.Serialization;

namespace RealTimeAuth.Server.AuthZen;

/// <summary>A subject or resource in search results.</summary>
public sealed record SearchEntity([property: JsonPropertyName("type")] string Type, [property: JsonPropertyName("id")] string Id);
