using Microsoft.Extensions.Options;

namespace RealTimeAuth.Server.Limits;

/// <summary>
/// Validates each <c>RateLimits:Clients:&lt;name&gt;</c> entry's rules, which the generated validator cannot reach
/// inside a dictionary, and refuses two entries for one SSF issuer: the failure names the key to fix.
/// </summary>
internal sealed class CallerOverridesValidator : IValidateOptions<RateLimitOptions>
{
    private static readonly CallerLimit[] Limits = Enum.GetValues<CallerLimit>();

    public ValidateOptionsResult Validate(string? name, RateLimitOptions options)
    {
        var rules = new RateLimitRuleValidator();
        var failures = new List<string>();
        var issuers = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (caller, entry) in options.Clients)
        {
            if (entry.Issuer is { Length: > 0 } issuer && !issuers.Add(issuer))
            {
                failures.Add($"RateLimits:Clients:{caller}:Issuer '{issuer}' is named by another entry too.");
            }

            foreach (var limit in Limits)
            {
                if (entry.Of(limit) is { } rule && rules.Validate(null, rule) is { Failed: true } failed)
                {
                    failures.Add($"RateLimits:Clients:{caller}:{limit}: {failed.FailureMessage}");
                }
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
