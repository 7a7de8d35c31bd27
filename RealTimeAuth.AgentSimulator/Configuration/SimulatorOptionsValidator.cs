using Microsoft.Extensions.Options;
using RealTimeAuth.AgentSimulator.Agents;
using RealTimeAuth.AgentSimulator.Scenarios;
using RealTimeAuth.ServiceDefaults;

namespace RealTimeAuth.AgentSimulator.Configuration;

/// <summary>Checks the <c>Simulator</c> section at start and says which key to set.</summary>
internal sealed class SimulatorOptionsValidator : IValidateOptions<SimulatorOptions>
{
    private const string Section = SimulatorOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, SimulatorOptions options)
    {
        var failures = new List<string>();
        if (!Enum.IsDefined(options.Mode))
        {
            failures.Add($"{Section}:Mode must be one of {string.Join(", ", Enum.GetNames<SimulatorMode>())}.");
        }

        if (!ScenarioNames.All.Contains(options.Scenario, StringComparer.OrdinalIgnoreCase))
        {
            failures.Add($"{Section}:Scenario is '{options.Scenario}'; it must be one of {string.Join(", ", ScenarioNames.All)}.");
        }

        CheckAddress(failures, options.ServerAddress, "ServerAddress", $"https+http://{ResourceNames.Server}");
        CheckAddress(failures, options.IdentityProvider, "IdentityProvider", $"https+http://{ResourceNames.DevIdp}");
        CheckRequired(failures, options.CoPilot.ClientId, "CoPilot:ClientId", "the co-pilot's client id at the RTA server, copilot");
        CheckRequired(failures, options.CoPilot.ClientSecret, "CoPilot:ClientSecret",
            $"the app host passes its generated {ResourceNames.CopilotClientSecret}; elsewhere set it in user secrets");
        CheckRequired(failures, options.Portal.ClientId, "Portal:ClientId", "the IdP's public portal client, portal");
        CheckAbsolute(failures, options.Portal.RedirectUri, "Portal:RedirectUri");
        CheckRequired(failures, options.PortalUser.Email, "PortalUser:Email", "the e-mail of a user at the IdP");
        CheckRequired(failures, options.PortalUser.Password, "PortalUser:Password",
            "in Development it comes from appsettings.Development.json; elsewhere set it in user secrets");
        if (!string.IsNullOrWhiteSpace(options.Admin.RedirectUri))
        {
            CheckAbsolute(failures, options.Admin.RedirectUri, "Admin:RedirectUri");
        }

        if (!AgentProfiles.Demo.Flatten().Any(profile => profile.Kind == options.CompromisedAgentKind))
        {
            failures.Add($"{Section}:CompromisedAgentKind is '{options.CompromisedAgentKind}'; it must be one of "
                + $"{string.Join(", ", AgentProfiles.Demo.Flatten().Select(profile => profile.Kind))}.");
        }

        CheckRun(failures, options.Run);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void CheckRun(List<string> failures, RunOptions run)
    {
        if (run.ActionInterval < TimeSpan.Zero || run.WorkDuration < TimeSpan.Zero)
        {
            failures.Add($"{Section}:Run:ActionInterval and {Section}:Run:WorkDuration must not be negative.");
        }

        if (run.TriggerAfter <= TimeSpan.Zero || run.Duration <= run.TriggerAfter)
        {
            failures.Add($"{Section}:Run:TriggerAfter must be positive and shorter than {Section}:Run:Duration (for example 00:00:03 and 00:00:08).");
        }

        if (run.StartupDuration is { } startup && startup <= run.TriggerAfter)
        {
            failures.Add($"{Section}:Run:StartupDuration must be longer than {Section}:Run:TriggerAfter, or unset to run until the simulator stops.");
        }

        if (run.StopTimeout <= TimeSpan.Zero)
        {
            failures.Add($"{Section}:Run:StopTimeout must be positive (for example 00:00:05).");
        }
    }

    private static void CheckRequired(List<string> failures, string? value, string key, string hint)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            failures.Add($"{Section}:{key} is required: {hint}.");
        }
    }

    private static void CheckAbsolute(List<string> failures, string? value, string key)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
        {
            failures.Add($"{Section}:{key} must be an absolute http(s) URI; it is '{value}'.");
        }
    }

    private static void CheckAddress(List<string> failures, string? value, string key, string example)
    {
        if (!ServiceAddress.TryParse(value, out _))
        {
            failures.Add($"{Section}:{key} must be a service name such as {example} or an absolute http(s) address; it is '{value}'.");
        }
    }
}
