using System.Globalization;
using Grpc.Core;

namespace RealTimeAuth.Server.Limits;

/// <summary>
/// A caller's rate limit is spent: 429 with <c>Retry-After</c> in the endpoint's own shape (<see cref="LimitRefusals"/>),
/// or on gRPC <c>RESOURCE_EXHAUSTED</c> with the reason in <c>rta-reason</c> and the wait in <c>grpc-retry-pushback-ms</c>.
/// </summary>
public sealed class RateLimitRefusal : IResult, IStatusCodeHttpResult
{
    /// <summary>The gRPC trailer that tells a client when to retry (gRFC A6, retry pushback).</summary>
    public const string RetryPushbackTrailer = "grpc-retry-pushback-ms";

    private RateLimitRefusal(CallerLimit limit, int retryAfterSeconds)
    {
        Limit = limit;
        RetryAfterSeconds = retryAfterSeconds;
    }

    public CallerLimit Limit { get; }

    /// <summary>Whole seconds until the bucket refills enough for one request; at least 1.</summary>
    public int RetryAfterSeconds { get; }

    /// <summary><c>stream-rate-limited</c> for an SSF stream, otherwise <c>client-rate-limited</c>.</summary>
    public string Reason => Limit == CallerLimit.Ssf ? RequestLimitReasons.StreamRateLimited : RequestLimitReasons.ClientRateLimited;

    /// <summary>The partition kind counted in <c>rta.limits.rejections</c>: <c>client</c>, <c>pep</c> or <c>stream</c>.</summary>
    public string Partition => Limit switch
    {
        CallerLimit.AuthZen => "pep",
        CallerLimit.Ssf => "stream",
        _ => "client",
    };

    public int? StatusCode => StatusCodes.Status429TooManyRequests;

    internal RequestFamily Family => Limit switch
    {
        CallerLimit.Token => RequestFamily.Token,
        CallerLimit.Live => RequestFamily.Live,
        CallerLimit.AuthZen => RequestFamily.AuthZen,
        _ => RequestFamily.Ssf,
    };

    private string Description => string.Create(
        CultureInfo.InvariantCulture, $"Too many requests from this {(Limit == CallerLimit.Ssf ? "stream" : "client")}; retry after {RetryAfterSeconds} s.");

    public Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        httpContext.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return LimitRefusals.WriteAsync(httpContext, Family, StatusCodes.Status429TooManyRequests, Reason, Description);
    }

    /// <summary>The refusal as a gRPC status to throw from a service method.</summary>
    public RpcException ToRpcException() => new(
        new Status(Grpc.Core.StatusCode.ResourceExhausted, Reason),
        new Metadata
        {
            { LimitRefusals.GrpcReasonHeader, Reason },
            { RetryPushbackTrailer, (RetryAfterSeconds * 1000L).ToString(CultureInfo.InvariantCulture) },
        });

    internal static RateLimitRefusal Of(CallerLimit limit, TimeSpan wait) =>
        new(limit, Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds)));
}
