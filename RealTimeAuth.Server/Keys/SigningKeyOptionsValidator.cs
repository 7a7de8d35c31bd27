using Microsoft.Extensions.Options;
using RealTimeAuth.Protocol.Tokens;
using RealTimeAuth.Server.Events;

namespace RealTimeAuth.Server.Keys;

/// <summary>
/// Holds the key schedule to the clock tolerance: <c>Tokens:ClockSkew</c> is how far two replicas' clocks may disagree
/// (ADR 0022), and the schedule is read by each replica's own clock (ADR 0024).
/// </summary>
internal sealed class SigningKeyOptionsValidator(IOptions<RtaTokenValidationOptions> tokens, IOptions<ReplicaOptions> replica)
    : IValidateOptions<SigningKeyOptions>
{
    public ValidateOptionsResult Validate(string? name, SigningKeyOptions options)
    {
        var failures = new List<string>();
        var skew = tokens.Value.ClockSkew;
        var minActivation = MinActivationDelay(skew, replica.Value.MaxStaleness);
        if (options.ActivationDelay < minActivation)
        {
            failures.Add(
                $"SigningKeys:ActivationDelay ({options.ActivationDelay}) must be at least Tokens:ClockSkew ({skew}, how far replica clocks may disagree) "
                + $"plus Replica:MaxStaleness ({replica.Value.MaxStaleness}), so no replica signs with a new key before every replica holds it; set it to {minActivation} or more.");
        }

        var minRetention = MinRetention(tokens.Value.FreshnessWindow, skew, options.CheckInterval);
        if (options.RetainAfterSuperseded < minRetention)
        {
            failures.Add(
                $"SigningKeys:RetainAfterSuperseded ({options.RetainAfterSuperseded}) must be at least Tokens:FreshnessWindow ({tokens.Value.FreshnessWindow}) "
                + $"plus Tokens:ClockSkew ({skew}) plus SigningKeys:CheckInterval ({options.CheckInterval}), so no key is removed while a token it signed "
                + $"is still fresh on some replica; set it to {minRetention} or more.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    public static TimeSpan MinActivationDelay(TimeSpan clockSkew, TimeSpan maxStaleness) => clockSkew + maxStaleness;

    public static TimeSpan MinRetention(TimeSpan freshnessWindow, TimeSpan clockSkew, TimeSpan checkInterval) =>
        freshnessWindow + clockSkew + checkInterval;
}
