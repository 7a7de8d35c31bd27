using System.Text.Json.Serialization;

namespace RealTimeAuth.Server.AuthZen;

/// <summary>Paging of a search response: an opaque <c>next_token</c>, empty when there are no more results.</summary>
public sealed record SearchPage(
    [property: JsonPropertyName("next_token")] string NextToken,
    [property: JsonPropertyName("count")] int Count,
    [property: JsonPropertyName("total")] int Total);
