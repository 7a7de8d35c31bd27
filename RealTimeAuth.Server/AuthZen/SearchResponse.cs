using System.Text.Json.Serialization;

namespace RealTimeAuth.Server.AuthZen;

/// <summary>An AuthZEN search response: the allowed results of one page and the paging state.</summary>
public sealed record SearchResponse<T>(
    [property: JsonPropertyName("results")] IReadOnlyList<T> Results,
    [property: JsonPropertyName("page")] SearchPage Page);
