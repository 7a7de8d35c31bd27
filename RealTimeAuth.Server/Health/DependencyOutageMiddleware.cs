using RealTimeAuth.Server.Limits;
using RealTimeAuth.Server.Telemetry;

namespace RealTimeAuth.Server.Health;

/// <summary>
/// Answers a request that failed because PostgreSQL or Redis is down with 503 and <c>Retry-After</c> in the endpoint's own
/// error shape (OAuth <c>temporarily_unavailable</c>, RFC 8935 error, ProblemDetails, gRPC UNAVAILABLE) instead of a 500,
/// so callers know to retry (ADR 0021). Nothing was changed: every state change runs in one transaction.
/// </summary>
internal sealed partial class DependencyOutageMiddleware(RequestDelegate next, RtaServerTelemetry telemetry, ILogger<DependencyOutageMiddleware> logger)
{
    public const string RetryAfterSeconds = "2";

    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Exception exception) when (!context.Response.HasStarted && DependencyOutages.ReasonOf(exception) is { } reason)
        {
            var family = RequestFamilies.Of(context.Request);
            telemetry.DependencyRefusals.Add(1, new KeyValuePair<string, object?>("reason", reason));
            LogRefused(logger, context.Request.Method, context.Request.Path.Value ?? string.Empty, reason, exception.GetType().Name);
            context.Response.Clear();
            context.Response.Headers.RetryAfter = RetryAfterSeconds;
            await LimitRefusals.WriteAsync(context, family, StatusCodes.Status503ServiceUnavailable, reason,
                "A dependency of the server is unavailable; nothing was changed. Retry shortly.");
        }
    }

    [LoggerMessage(EventId = 2210, Level = LogLevel.Warning,
        Message = "{Method} {Path} was answered 503 ({Reason}, {Error}): a dependency is down")]
    private static partial void LogRefused(ILogger logger, string method, string path, string reason, string error);
}
