using System.Diagnostics.Metrics;
using System.Threading.RateLimiting;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RealTimeAuth.Server.Limits;

namespace RealTimeAuth.Benchmarks.Limits;

/// <summary>
/// The per-caller rate limit on the live authorize hot path (ADR 0019): one admitted acquire for the same client, for
/// clients taken in turn from 1,000 (the bucket lookup misses the CPU cache more), and one refused acquire; against
/// the floor, a bare token-bucket acquire. The buckets are large and refill fast enough that no admitted row ever
/// measures a refusal; setup fails loudly otherwise.
/// </summary>
[Config(typeof(CallerLimitBenchmarkConfig))]
public class CallerRateLimiterBenchmarks
{
    private const int Clients = 1_000;

    private ServiceProvider _services = null!;
    private CallerRateLimiter _limiter = null!;
    private TokenBucketRateLimiter _bare = null!;
    private string[] _clients = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var options = new RateLimitOptions();
        options.PerClient.Live = Unbounded();
        options.Clients["spent"] = new CallerRateLimitOverride { Live = new RateLimitRule { Burst = 1, TokensPerPeriod = 1, Period = TimeSpan.FromDays(1) } };
        _limiter = new CallerRateLimiter(new FixedOptions(options), new RequestLimitMetrics(_services.GetRequiredService<IMeterFactory>()));
        _bare = new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = 10_000_000,
            TokensPerPeriod = 10_000_000,
            ReplenishmentPeriod = TimeSpan.FromMilliseconds(10),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
        _clients = [.. Enumerable.Range(0, Clients).Select(i => $"client-{i}")];
        foreach (var client in _clients)
        {
            Require(_limiter.TryAcquire(CallerLimit.Live, client) is null, "a fresh client is admitted");
        }

        Require(_limiter.TryAcquire(CallerLimit.Live, "spent") is null, "the spent client's one request");
        Require(Refused() is not null, "the spent client is refused");
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _limiter.Dispose();
        _bare.Dispose();
        _services.Dispose();
    }

    [Benchmark(Baseline = true, Description = "bare token bucket acquire")]
    public bool BareBucket()
    {
        using var lease = _bare.AttemptAcquire();
        return lease.IsAcquired;
    }

    [Benchmark(Description = "caller limit, one client")]
    public RateLimitRefusal? OneClient() => _limiter.TryAcquire(CallerLimit.Live, "client-0");

    [Benchmark(Description = "caller limit, 1,000 clients in turn")]
    public RateLimitRefusal? ManyClients()
    {
        var index = _next = (_next + 1) % Clients;
        return _limiter.TryAcquire(CallerLimit.Live, _clients[index]);
    }

    [Benchmark(Description = "caller limit, refused")]
    public RateLimitRefusal? Refused() => _limiter.TryAcquire(CallerLimit.Live, "spent");

    /// <summary>About a billion requests a second per client: an admitted row never meets the limit.</summary>
    private static RateLimitRule Unbounded() => new() { Burst = 10_000_000, TokensPerPeriod = 10_000_000, Period = TimeSpan.FromMilliseconds(10) };

    private static void Require(bool condition, string what)
    {
        if (!condition)
        {
            throw new InvalidOperationException($"Benchmark setup: expected {what}.");
        }
    }

    private sealed class FixedOptions(RateLimitOptions value) : IOptionsMonitor<RateLimitOptions>
    {
        public RateLimitOptions CurrentValue => value;

        public RateLimitOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<RateLimitOptions, string?> listener) => null;
    }
}
