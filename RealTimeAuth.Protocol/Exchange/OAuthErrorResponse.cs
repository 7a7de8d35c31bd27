using System.Text.Json.Serialization;

namespace RealTimeAuth.Protocol.Exchange;

/// <summary>An OAuth 2.0 error (RFC 6749 §5.2).</summary>
public sealed record OAuthErrorResponse(
    [property: JsonPropertyName("error")] string Error,
    [property: JsonPropertyName("error_description")] string? ErrorDescription);
