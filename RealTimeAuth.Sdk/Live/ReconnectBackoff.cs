namespace RealTimeAuth.Sdk.Live;

/// <summary>Exponential backoff with full jitter: attempt n waits a uniform random time in [0, min(max, base·2ⁿ)).</summary>
internal sealed class ReconnectBackoff(TimeSpan baseDelay, TimeSpan maxDelay, Random random)
{
    // 2^30 times any sensible base is far past any sensible maximum; the cap keeps the arithmetic finite.
    private const int MaxExponent = 30;

    public TimeSpan Ceiling(int attempt)
    {
        var factor = Math.Pow(2, Math.Clamp(attempt, 0, MaxExponent));
        return TimeSpan.FromTicks((long)Math.Min(maxDelay.Ticks, baseDelay.Ticks * factor));
    }

    public TimeSpan NextDelay(int attempt) => TimeSpan.FromTicks((long)(Ceiling(attempt).Ticks * random.NextDouble()));
}
