using System.Diagnostics.Metrics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using RealTimeAuth.Server.Limits;

namespace RealTimeAuth.Server.Tests.Security.Callers;

/// <summary>The per-caller limiter's rules, overrides, switch and counting, without I/O.</summary>
public sealed class CallerRateLimiterTests : IDisposable
{
    private readonly ServiceProvider _services = new ServiceCollection().AddMetrics().BuildServiceProvider();

    [Fact]
    public void TryAcquire_PastTheBurst_RefusesWithClientReasonAndRetryAfter()
    {
        using var limiter = Limiter(Options(burst: 2));

        Assert.Null(limiter.TryAcquire(CallerLimit.Token, "copilot"));
        Assert.Null(limiter.TryAcquire(CallerLimit.Token, "copilot"));
        var refusal = limiter.TryAcquire(CallerLimit.Token, "copilot");

        Assert.NotNull(refusal);
        Assert.Equal(RequestLimitReasons.ClientRateLimited, refusal.Reason);
        Assert.True(refusal.RetryAfterSeconds >= 1);
        Assert.Null(limiter.TryAcquire(CallerLimit.Token, "agent"));
        Assert.Null(limiter.TryAcquire(CallerLimit.Live, "copilot"));
    }

    [Fact]
    public void TryAcquire_Disabled_NeverRefuses()
    {
        var options = Options(burst: 1);
        options.Enabled = false;
        using var limiter = Limiter(options);

        Assert.All(Enumerable.Range(0, 5), _ => Assert.Null(limiter.TryAcquire(CallerLimit.Live, "agent")));
    }

    [Fact]
    public void TryAcquire_OverrideByNameOrIssuer_TakesTheCallersOwnRule()
    {
        var options = Options(burst: 5);
        options.Clients["copilot"] = new CallerRateLimitOverride { Token = Rule(1) };
        options.Clients["transmitter"] = new CallerRateLimitOverride { Issuer = "https://transmitter.test/", Ssf = Rule(1) };
        using var limiter = Limiter(options);

        limiter.TryAcquire(CallerLimit.Token, "copilot");
        limiter.TryAcquire(CallerLimit.Ssf, "stream:1", "https://transmitter.test/");

        Assert.NotNull(limiter.TryAcquire(CallerLimit.Token, "copilot"));
        Assert.Equal(RequestLimitReasons.StreamRateLimited, limiter.TryAcquire(CallerLimit.Ssf, "stream:1", "https://transmitter.test/")?.Reason);
        // The override names the token family only: copilot's live calls keep the default.
        Assert.Null(limiter.TryAcquire(CallerLimit.Live, "copilot"));
    }

    [Fact]
    public void TryAcquire_OptionsChange_FreshBucketsWithTheNewRule()
    {
        var monitor = new ChangingOptionsMonitor(Options(burst: 1));
        using var limiter = new CallerRateLimiter(monitor, new RequestLimitMetrics(_services.GetRequiredService<IMeterFactory>()));
        limiter.TryAcquire(CallerLimit.AuthZen, "api-key");
        Assert.NotNull(limiter.TryAcquire(CallerLimit.AuthZen, "api-key"));

        monitor.Change(Options(burst: 3));

        Assert.Null(limiter.TryAcquire(CallerLimit.AuthZen, "api-key"));
    }

    [Fact]
    public void TryAcquire_Refused_CountedWithFamilyAndPartitionKind()
    {
        var metrics = new RequestLimitMetrics(_services.GetRequiredService<IMeterFactory>());
        var tags = new List<(string Family, string Partition)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, own) =>
        {
            // This limiter's counter only: servers of other tests count on counters of the same name.
            if (ReferenceEquals(instrument, metrics.Rejections))
            {
                own.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((_, _, measured, _) =>
        {
            var all = measured.ToArray().ToDictionary(tag => tag.Key, tag => tag.Value as string);
            lock (tags)
            {
                tags.Add((all["family"]!, all["partition"]!));
            }
        });
        listener.Start();
        using var limiter = new CallerRateLimiter(new ChangingOptionsMonitor(Options(burst: 1)), metrics);

        foreach (var limit in Enum.GetValues<CallerLimit>())
        {
            limiter.TryAcquire(limit, "caller");
            limiter.TryAcquire(limit, "caller");
        }

        Assert.Equal([("Token", "client"), ("Live", "client"), ("AuthZen", "pep"), ("Ssf", "stream")], tags);
    }

    [Fact]
    public void Validate_OverrideWithZeroBurst_FailsNamingTheKey()
    {
        var options = new RateLimitOptions();
        options.Clients["copilot"] = new CallerRateLimitOverride { Live = new RateLimitRule { Burst = 0, TokensPerPeriod = 1 } };

        var result = new CallerOverridesValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("RateLimits:Clients:copilot:Live", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_TwoEntriesForOneIssuer_Fails()
    {
        var options = new RateLimitOptions();
        options.Clients["one"] = new CallerRateLimitOverride { Issuer = "https://transmitter.test/", Ssf = Rule(1) };
        options.Clients["two"] = new CallerRateLimitOverride { Issuer = "https://transmitter.test/", Ssf = Rule(2) };

        Assert.True(new CallerOverridesValidator().Validate(null, options).Failed);
    }

    [Fact]
    public void Validate_ZeroPerClientBurst_FailsNamingTheRule()
    {
        var options = new RateLimitOptions();
        options.PerClient.Ssf.Burst = 0;

        var result = new RateLimitOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("PerClient.Ssf.Burst", result.FailureMessage, StringComparison.Ordinal);
    }

    public void Dispose() => _services.Dispose();

    private CallerRateLimiter Limiter(RateLimitOptions options) =>
        new(new ChangingOptionsMonitor(options), new RequestLimitMetrics(_services.GetRequiredService<IMeterFactory>()));

    private static RateLimitOptions Options(int burst)
    {
        var options = new RateLimitOptions();
        options.PerClient.Token = Rule(burst);
        options.PerClient.Live = Rule(burst);
        options.PerClient.AuthZen = Rule(burst);
        options.PerClient.Ssf = Rule(burst);
        return options;
    }

    private static RateLimitRule Rule(int burst) => new() { Burst = burst, TokensPerPeriod = 1, Period = TimeSpan.FromHours(1) };

    private sealed class ChangingOptionsMonitor(RateLimitOptions value) : IOptionsMonitor<RateLimitOptions>
    {
        private Action<RateLimitOptions, string?>? _listener;

        public RateLimitOptions CurrentValue { get; private set; } = value;

        public RateLimitOptions Get(string? name) => CurrentValue;

        public IDisposable? OnChange(Action<RateLimitOptions, string?> listener)
        {
            _listener = listener;
            return null;
        }

        public void Change(RateLimitOptions options)
        {
            CurrentValue = options;
            _listener?.Invoke(options, null);
        }
    }
}
