using RealTimeAuth.Protocol.Exchange;

namespace RealTimeAuth.Server.Exchange;

/// <summary>
/// An RFC 6749 §5.2 error response: JSON <c>error</c> and <c>error_description</c>, no caching, and
/// for a client that tried HTTP Basic and failed, 401 with a <c>WWW-Authenticate</c> challenge.
/// </summary>
public sealed class OAuthErrorResult(int statusCode, string error, string description, bool challengeBasic = false)
    : IResult, IStatusCodeHttpResult, IValueHttpResult, IValueHttpResult<OAuthErrorResponse>
{
    public int? StatusCode => statusCode;

    public OAuthErrorResponse Value { get; } = new(error, description);

    object? IValueHttpResult.Value => Value;

    public static OAuthErrorResult InvalidRequest(string description) => new(400, "invalid_request", description);

    public static OAuthErrorResult InvalidGrant(string description) => new(400, "invalid_grant", description);

    public static OAuthErrorResult InvalidScope(string description) => new(400, "invalid_scope", description);

    public static OAuthErrorResult UnsupportedGrantType(string description) => new(400, "unsupported_grant_type", description);

    public static OAuthErrorResult InvalidClient(bool usedBasic) =>
        new(usedBasic ? 401 : 400, "invalid_client", "Client authentication failed.", usedBasic);

    public static OAuthErrorResult TemporarilyUnavailable(string description) => new(503, "temporarily_unavailable", description);

    public Task ExecuteAsync(HttpContext httpContext)
    {
        var response = httpContext.Response;
        response.StatusCode = statusCode;
        response.Headers.CacheControl = "no-store";
        response.Headers.Pragma = "no-cache";
        if (challengeBasic)
        {
            response.Headers.WWWAuthenticate = "Basic realm=\"realtimeauth\", charset=\"UTF-8\"";
        }

        return response.WriteAsJsonAsync(Value, httpContext.RequestAborted);
    }
}
