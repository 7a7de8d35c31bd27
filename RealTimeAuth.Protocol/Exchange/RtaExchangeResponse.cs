using System.Text.Json.Serialization;

namespace RealTimeAuth.Protocol.Exchange;

/// <summary>A successful exchange: RFC 8693 §2.2.1 members plus the session and where to open the live channel.</summary>
public sealed record RtaExchangeResponse
{
    [JsonPropertyName("access_token")]
    public required string AccessToken { get; init; }

    [JsonPropertyName("issued_token_type")]
    public string IssuedTokenType { get; init; } = RtaExchangeNames.RtaTokenType;

    [JsonPropertyName("token_type")]
    public string TokenType { get; init; } = RtaExchangeNames.TokenScheme;

    /// <summary>Seconds until the token leaves its freshness window; the live channel refreshes it before then.</summary>
    [JsonPropertyName("expires_in")]
    public required int ExpiresIn { get; init; }

    [JsonPropertyName("scope")]
    public required string Scope { get; init; }

    [JsonPropertyName("session_id")]
    public required string SessionId { get; init; }

    [JsonPropertyName("parent_session_id")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ParentSessionId { get; init; }

    [JsonPropertyName("live_channel")]
    public required RtaLiveChannelEndpoints LiveChannel { get; init; }
}
