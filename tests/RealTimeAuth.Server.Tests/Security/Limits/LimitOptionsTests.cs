using RealTimeAuth.Server.Limits;

namespace RealTimeAuth.Server.Tests.Security.Limits;

/// <summary>A rate limit that could never admit a request, or never refill, is refused at start with the key to fix.</summary>
public sealed class LimitOptionsTests
{
    [Fact]
    public void Validate_Defaults_Succeeds() =>
        Assert.True(new RateLimitOptionsValidator().Validate(null, new RateLimitOptions()).Succeeded);

    [Fact]
    public void Validate_ZeroBurst_FailsNamingTheRule()
    {
        var options = new RateLimitOptions();
        options.Token.Burst = 0;

        var result = new RateLimitOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("Token.Burst", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ZeroPeriod_Fails()
    {
        var options = new RateLimitOptions();
        options.Ssf.Period = TimeSpan.Zero;

        Assert.True(new RateLimitOptionsValidator().Validate(null, options).Failed);
    }
}
