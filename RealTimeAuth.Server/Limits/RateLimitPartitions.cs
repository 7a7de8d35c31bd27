using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace RealTimeAuth.Server.Limits;

/// <summary>
/// The rate limiter's partitions: one token bucket per endpoint family and caller. The caller is the authenticated admin
/// (its <c>sub</c>) for admin writes, which the authorization middleware has authenticated before the limiter runs, and
/// otherwise the connection's remote address: never a header the caller sets. X-Forwarded-For counts only when the
/// deployment adds the forwarded-headers middleware, which rewrites the remote address from proxies it trusts.
/// </summary>
internal sealed class RateLimitPartitions(IOptionsMonitor<RateLimitOptions> options)
{
    public RateLimitPartition<string> For(HttpContext context)
    {
        var current = options.CurrentValue;
        var family = RequestFamilies.Of(context.Request);
        var rule = current.Enabled ? RuleOf(current, family) : null;
        if (rule is null)
        {
            return RateLimitPartition.GetNoLimiter(string.Empty);
        }

        var key = string.Create(CultureInfo.InvariantCulture, $"{family}|{Caller(context, family)}");
        return RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
        {
            TokenLimit = rule.Burst,
            TokensPerPeriod = rule.TokensPerPeriod,
            ReplenishmentPeriod = rule.Period,
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    private static RateLimitRule? RuleOf(RateLimitOptions options, RequestFamily family) => family switch
    {
        RequestFamily.Token => options.Token,
        RequestFamily.Live => options.Live,
        RequestFamily.AuthZen => options.AuthZen,
        RequestFamily.Ssf => options.Ssf,
        RequestFamily.AdminWrite or RequestFamily.AdminDocument => options.AdminWrites,
        _ => null,
    };

    /// <summary>The kind of partition a request of <paramref name="family"/> is counted in: <c>admin</c> or <c>address</c>.</summary>
    public static string KindOf(HttpContext context, RequestFamily family) => AdminOf(context, family) is null ? "address" : "admin";

    private static string Caller(HttpContext context, RequestFamily family) =>
        AdminOf(context, family) is { } subject
            ? "admin:" + subject
            : "address:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");

    private static string? AdminOf(HttpContext context, RequestFamily family) =>
        family is RequestFamily.AdminWrite or RequestFamily.AdminDocument
        && context.User.Identity?.IsAuthenticated == true
        && context.User.FindFirstValue("sub") is { Length: > 0 } subject
            ? subject
            : null;
}
