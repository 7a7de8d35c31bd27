using System.Text.Json.Serialization;

namespace RealTimeAuth.Server.Live;

/// <summary>Answer of <c>POST /live/v1/authorize</c>.</summary>
public sealed record LiveAuthorizeResponse(
    [property: JsonPropertyName("decision")] bool Decision,
    [property: JsonPropertyName("reason")] string Reason,
    [property: JsonPropertyName("policy_version")] string PolicyVersion);
