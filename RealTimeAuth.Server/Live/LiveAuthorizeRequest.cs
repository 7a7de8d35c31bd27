using System.Text.Json.Serialization;

namespace RealTimeAuth.Server.Live;

/// <summary>Body of <c>POST /live/v1/authorize</c>: the JSON form of the gRPC <c>AuthorizeRequest</c>.</summary>
public sealed record LiveAuthorizeRequest
{
    [JsonPropertyName("action")]
    public string? Action { get; init; }

    [JsonPropertyName("resource")]
    public LiveResource? Resource { get; init; }

    /// <summary>Extra request context, string values only (as in the gRPC contract).</summary>
    [JsonPropertyName("context")]
    public Dictionary<string, string>? Context { get; init; }
}
