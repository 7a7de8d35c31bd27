using Microsoft.Extensions.Options;
using RealTimeAuth.Protocol.Tokens;
using RealTimeAuth.Server.Events;
using RealTimeAuth.Server.Keys;

namespace RealTimeAuth.Server.Tests.Keys;

public sealed class SigningKeyOptionsValidatorTests
{
    private static readonly SigningKeyOptionsValidator Defaults = new(Options.Create(new RtaTokenValidationOptions()), Options.Create(new ReplicaOptions()));

    [Fact]
    public void Defaults_HoldForReplicasThirtySecondsEitherSide() =>
        Assert.True(Defaults.Validate(null, new SigningKeyOptions()).Succeeded);

    [Fact]
    public void ActivationDelay_ShorterThanClockSkewPlusStaleness_FailsNamingWhatToSet()
    {
        // Tokens:ClockSkew 60 s + Replica:MaxStaleness 2 s.
        var result = Defaults.Validate(null, new SigningKeyOptions { ActivationDelay = TimeSpan.FromSeconds(61) });

        Assert.True(result.Failed);
        Assert.Contains("SigningKeys:ActivationDelay", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("00:01:02", result.FailureMessage, StringComparison.Ordinal);
        Assert.True(Defaults.Validate(null, new SigningKeyOptions { ActivationDelay = TimeSpan.FromSeconds(62) }).Succeeded);
    }

    [Fact]
    public void RetainAfterSuperseded_ShorterThanWindowPlusSkewPlusCheck_FailsNamingWhatToSet()
    {
        // Tokens:FreshnessWindow 5 min + Tokens:ClockSkew 60 s + SigningKeys:CheckInterval 5 s.
        var result = Defaults.Validate(null, new SigningKeyOptions { RetainAfterSuperseded = TimeSpan.FromSeconds(364) });

        Assert.True(result.Failed);
        Assert.Contains("SigningKeys:RetainAfterSuperseded", result.FailureMessage, StringComparison.Ordinal);
        Assert.Contains("00:06:05", result.FailureMessage, StringComparison.Ordinal);
        Assert.True(Defaults.Validate(null, new SigningKeyOptions { RetainAfterSuperseded = TimeSpan.FromSeconds(365) }).Succeeded);
    }
}
