using Microsoft.Extensions.Options;

namespace RealTimeAuth.AgentSimulator.Load;

/// <summary>Bounds a load run so it can neither run away nor start half-configured; each message says what to set.</summary>
internal sealed class LoadOptionsValidator : IValidateOptions<LoadOptions>
{
    public const int MaxAgents = 10_000;
    public const long MaxActionsLimit = 1_000_000;
    public const double MaxActionsPerSecond = 50_000;
    public static readonly TimeSpan MaxDuration = TimeSpan.FromHours(1);

    private const string Section = LoadOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, LoadOptions options)
    {
        var failures = new List<string>();
        if (options.Agents is < 1 or > MaxAgents)
        {
            failures.Add($"{Section}:Agents must be between 1 and {MaxAgents}; it is {options.Agents}.");
        }

        if (options.UserCount < 1 || options.UserCount > options.Users.Count)
        {
            failures.Add($"{Section}:UserCount must be between 1 and the number of {Section}:Users ({options.Users.Count}); it is {options.UserCount}.");
        }
        else if (options.Agents >= 1 && options.UserCount > options.Agents)
        {
            failures.Add($"{Section}:UserCount ({options.UserCount}) must not exceed {Section}:Agents ({options.Agents}).");
        }

        for (var i = 0; i < Math.Min(options.UserCount, options.Users.Count); i++)
        {
            if (!options.Users[i].IsComplete)
            {
                failures.Add($"{Section}:Users:{i} needs Email and Password (Development passwords are in appsettings.Development.json).");
            }
        }

        if (!(options.ActionsPerSecond > 0 && options.ActionsPerSecond <= MaxActionsPerSecond))
        {
            failures.Add($"{Section}:ActionsPerSecond must be above 0 and at most {MaxActionsPerSecond}; it is {options.ActionsPerSecond}.");
        }

        if (options.Duration <= TimeSpan.Zero || options.Duration > MaxDuration)
        {
            failures.Add($"{Section}:Duration must be positive and at most {MaxDuration}; it is {options.Duration}.");
        }

        if (options.MaxActions is < 1 or > MaxActionsLimit)
        {
            failures.Add($"{Section}:MaxActions must be between 1 and {MaxActionsLimit}; it is {options.MaxActions}.");
        }

        if (options.ExchangeConcurrency is < 1 or > 256)
        {
            failures.Add($"{Section}:ExchangeConcurrency must be between 1 and 256; it is {options.ExchangeConcurrency}.");
        }

        if (options.StopTimeout <= TimeSpan.Zero || options.StopTimeout > TimeSpan.FromMinutes(5))
        {
            failures.Add($"{Section}:StopTimeout must be positive and at most 00:05:00; it is {options.StopTimeout}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
