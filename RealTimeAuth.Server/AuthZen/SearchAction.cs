using System.Text.Json.Serialization;

namespace RealTimeAuth.Server.AuthZen;

/// <summary>An action in search results.</summary>
public sealed record SearchAction([property: JsonPropertyName("name")] string Name);
