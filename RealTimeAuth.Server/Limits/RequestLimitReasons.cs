namespace RealTimeAuth.Server.Limits;

/// <summary>Stable reason codes of the request limits (ADR 0019).</summary>
public static class RequestLimitReasons
{
    /// <summary>The body is larger than the endpoint allows: 413.</summary>
    public const string BodyTooLarge = "body-too-large";

    /// <summary>The caller's rate limit for this endpoint family is spent: 429 with <c>Retry-After</c>.</summary>
    public const string RateLimited = "rate-limited";

    /// <summary>The authenticated client's (or PEP's) rate limit for this endpoint family is spent: 429 with <c>Retry-After</c>.</summary>
    public const string ClientRateLimited = "client-rate-limited";

    /// <summary>The SSF stream's rate limit for pushed SETs is spent: 429 with <c>Retry-After</c>.</summary>
    public const string StreamRateLimited = "stream-rate-limited";
}
