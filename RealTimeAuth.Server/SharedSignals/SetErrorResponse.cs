using System.Text.Json.Serialization;

namespace RealTimeAuth.Server.SharedSignals;

/// <summary>The body of an RFC 8935 §2.3 failure response.</summary>
public sealed record SetErrorResponse(
    [property: JsonPropertyName("err")] string Error,
    [property: JsonPropertyName("description")] string Description);
