using System.Collections.Concurrent;
using System.Diagnostics;

namespace RealTimeAuth.Server.Limits;

/// <summary>
/// One configuration's token buckets per caller limit and caller, created on a caller's first request and kept: callers
/// are authenticated identities (registered clients, PEPs, streams), so their number is bounded by registrations, not by
/// what callers send. The buckets refill from one timer (<see cref="Replenish"/>), not one timer each.
/// </summary>
internal sealed class CallerBuckets
{
    private readonly CallerRateLimitRules _defaults;
    private readonly Dictionary<string, CallerRateLimitOverride> _overrides = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, CallerBucket>[] _buckets;

    public CallerBuckets(RateLimitOptions options)
    {
        Enabled = options.Enabled;
        _defaults = options.PerClient;
        foreach (var (name, entry) in options.Clients)
        {
            _overrides[name] = entry;
        }

        // An entry's issuer names it as well as its key (an issuer URL cannot be a configuration key).
        foreach (var entry in options.Clients.Values.Where(entry => entry.Issuer is { Length: > 0 }))
        {
            _overrides[entry.Issuer!] = entry;
        }

        _buckets = [.. Enum.GetValues<CallerLimit>().Select(_ => new ConcurrentDictionary<string, CallerBucket>(StringComparer.Ordinal))];
        var periods = Enum.GetValues<CallerLimit>().Select(limit => _defaults.Of(limit).Period)
            .Concat(options.Clients.Values.SelectMany(entry => Enum.GetValues<CallerLimit>().Select(entry.Of)).OfType<RateLimitRule>().Select(rule => rule.Period));
        ReplenishEvery = TimeSpan.FromTicks(Math.Clamp(periods.Min().Ticks, TimeSpan.FromMilliseconds(10).Ticks, TimeSpan.FromSeconds(1).Ticks));
    }

    public bool Enabled { get; }

    /// <summary>The shortest configured period, within 10 ms and 1 s: how often <see cref="Replenish"/> should run.</summary>
    public TimeSpan ReplenishEvery { get; }

    /// <summary>The caller's bucket; <paramref name="name"/> selects its rule in <c>RateLimits:Clients</c>.</summary>
    public CallerBucket For(CallerLimit limit, string caller, string name)
    {
        var buckets = _buckets[(int)limit];
        return buckets.TryGetValue(caller, out var bucket) ? bucket : Add(buckets, limit, caller, name);
    }

    /// <summary>Refills every bucket whose period has passed since its last refill.</summary>
    public void Replenish()
    {
        var now = Stopwatch.GetTimestamp();
        foreach (var buckets in _buckets)
        {
            foreach (var bucket in buckets.Values)
            {
                bucket.Refill(now);
            }
        }
    }

    private CallerBucket Add(ConcurrentDictionary<string, CallerBucket> buckets, CallerLimit limit, string caller, string name)
    {
        // Under the lock, so two first requests of one caller cannot each get a fresh bucket.
        lock (buckets)
        {
            if (buckets.TryGetValue(caller, out var existing))
            {
                return existing;
            }

            var rule = _overrides.TryGetValue(name, out var entry) && entry.Of(limit) is { } own ? own : _defaults.Of(limit);
            var bucket = new CallerBucket(rule);
            buckets[caller] = bucket;
            return bucket;
        }
    }
}
