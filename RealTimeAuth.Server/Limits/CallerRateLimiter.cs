using System.Diagnostics;
using Microsoft.Extensions.Options;

namespace RealTimeAuth.Server.Limits;

/// <summary>
/// Rate limits per authenticated caller (ADR 0019), called by an endpoint once it has authenticated its caller: the
/// exchange client, the session's client, the PEP, the SSF stream. An admitted call costs a dictionary lookup and a
/// token-bucket acquire and allocates nothing; a refused one is counted and answered 429 in the endpoint's shape.
/// </summary>
public sealed class CallerRateLimiter : IDisposable
{
    private readonly RequestLimitMetrics _metrics;
    private readonly IDisposable? _subscription;
    private readonly ITimer _replenisher;
    private volatile CallerBuckets _buckets;

    public CallerRateLimiter(IOptionsMonitor<RateLimitOptions> options, RequestLimitMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(options);
        _metrics = metrics;
        _buckets = new CallerBuckets(options.CurrentValue);
        // Real time, as the ASP.NET Core limiter's: the buckets measure their periods with Stopwatch, not a TimeProvider.
        _replenisher = TimeProvider.System.CreateTimer(
            static state => ((CallerRateLimiter)state!)._buckets.Replenish(), this, _buckets.ReplenishEvery, _buckets.ReplenishEvery);
        // Changed rules take effect with fresh buckets.
        _subscription = options.OnChange(changed =>
        {
            var buckets = new CallerBuckets(changed);
            _buckets = buckets;
            _replenisher.Change(buckets.ReplenishEvery, buckets.ReplenishEvery);
        });
    }

    /// <summary>
    /// Takes one request from <paramref name="caller"/>'s bucket: null when admitted, otherwise the refusal to answer.
    /// <paramref name="name"/> selects the caller's <c>RateLimits:Clients</c> entry when it differs from the bucket key
    /// (an SSF stream's issuer).
    /// </summary>
    public RateLimitRefusal? TryAcquire(CallerLimit limit, string caller, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var buckets = _buckets;
        if (!buckets.Enabled)
        {
            return null;
        }

        var bucket = buckets.For(limit, caller, name ?? caller);
        if (bucket.TryTake())
        {
            return null;
        }

        var refusal = RateLimitRefusal.Of(limit, bucket.RetryAfter(Stopwatch.GetTimestamp()));
        _metrics.Rejected(refusal);
        return refusal;
    }

    public void Dispose()
    {
        _subscription?.Dispose();
        _replenisher.Dispose();
    }
}
