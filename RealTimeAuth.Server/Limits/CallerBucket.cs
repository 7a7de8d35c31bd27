using System.Diagnostics;

namespace RealTimeAuth.Server.Limits;

/// <summary>
/// One caller's token bucket, without a lock: taking a token is one interlocked decrement. Every agent of a client
/// shares its client's bucket, so the live authorize calls of a thousand agents all meet here; a lock held by a thread
/// the scheduler preempts would hold every other decision of that client behind it.
/// </summary>
internal sealed class CallerBucket
{
    private readonly long _periodTicks;
    private long _tokens;
    private long _refilledAt;

    public CallerBucket(RateLimitRule rule)
    {
        Rule = rule;
        _tokens = rule.Burst;
        _periodTicks = Math.Max(1, (long)(rule.Period.TotalSeconds * Stopwatch.Frequency));
        _refilledAt = Stopwatch.GetTimestamp();
    }

    public RateLimitRule Rule { get; }

    /// <summary>Takes one token; false, taking nothing, when the bucket is empty.</summary>
    public bool TryTake()
    {
        if (Interlocked.Decrement(ref _tokens) >= 0)
        {
            return true;
        }

        Interlocked.Increment(ref _tokens);
        return false;
    }

    /// <summary>Adds the tokens of every whole period since the last refill, up to the burst.</summary>
    public void Refill(long now)
    {
        var refilledAt = Volatile.Read(ref _refilledAt);
        var periods = (now - refilledAt) / _periodTicks;
        if (periods <= 0 || Interlocked.CompareExchange(ref _refilledAt, refilledAt + (periods * _periodTicks), refilledAt) != refilledAt)
        {
            return;
        }

        var added = periods * Rule.TokensPerPeriod;
        long tokens;
        long refilled;
        do
        {
            tokens = Volatile.Read(ref _tokens);
            refilled = Math.Min(Rule.Burst, tokens + added);
        }
        while (Interlocked.CompareExchange(ref _tokens, refilled, tokens) != tokens);
    }

    /// <summary>How long until the next refill adds tokens.</summary>
    public TimeSpan RetryAfter(long now) =>
        Stopwatch.GetElapsedTime(now, Volatile.Read(ref _refilledAt) + _periodTicks) is { Ticks: > 0 } wait ? wait : TimeSpan.Zero;
}
