using RealTimeAuth.Protocol.Binding;
using RealTimeAuth.Protocol.Exchange;

namespace RealTimeAuth.Server.Exchange;

/// <summary>
/// An RFC 6749 §5.2 error response: JSON <c>error</c> and <c>error_description</c>, no caching, and
/// for a client that tried HTTP Basic and failed, 401 with a <c>WWW-Authenticate</c> challenge. The description
/// starts with the stable <see cref="Reason"/> (one of <see cref="ExchangeRejectionReasons"/>, or for a proof refusal one of
/// <c>DpopRejectionReasons</c> and <c>RtaBindingReasons</c>) and a colon.
/// </summary>
public sealed class OAuthErrorResult(int statusCode, string error, string reason, string description, bool challengeBasic = false)
    : IResult, IStatusCodeHttpResult, IValueHttpResult, IValueHttpResult<OAuthErrorResponse>
{
    public int? StatusCode => statusCode;

    /// <summary>The stable reason code, for telemetry and tests.</summary>
    public string Reason => reason;

    public OAuthErrorResponse Value { get; } = new(error, $"{reason}: {description}");

    object? IValueHttpResult.Value => Value;

    public static OAuthErrorResult InvalidRequest(string reason, string description) => new(400, "invalid_request", reason, description);

    public static OAuthErrorResult InvalidGrant(string reason, string description) => new(400, "invalid_grant", reason, description);

    public static OAuthErrorResult InvalidScope(string reason, string description) => new(400, "invalid_scope", reason, description);

    public static OAuthErrorResult UnsupportedGrantType(string reason, string description) => new(400, "unsupported_grant_type", reason, description);

    public static OAuthErrorResult InvalidClient(string reason, bool usedBasic) =>
        new(usedBasic ? 401 : 400, "invalid_client", reason, "Client authentication failed.", usedBasic);

    /// <summary>The <c>DPoP</c> or parent proof is missing or invalid (RFC 9449 §5).</summary>
    public static OAuthErrorResult InvalidDpopProof(string reason, string description) =>
        new(400, RtaBindingNames.Errors.InvalidDpopProof, reason, description);

    public static OAuthErrorResult TemporarilyUnavailable(string reason, string description) => new(503, "temporarily_unavailable", reason, description);

    public Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = statusCode;
        response.Headers.CacheControl = "no-store";
        response.Headers.Pragma = "no-cache";
        if (statusCode == StatusCodes.Status503ServiceUnavailable)
        {
            // RFC 9110 §10.2.3: tells the client when a retry may succeed (replica catching up, replay store or issuer down).
            response.Headers.RetryAfter = "2";
        }

        if (challengeBasic)
        {
            response.Headers.WWWAuthenticate = "Basic realm=\"realtimeauth\", charset=\"UTF-8\"";
        }

        return response.WriteAsJsonAsync(Value, httpContext.RequestAborted);
    }
}
