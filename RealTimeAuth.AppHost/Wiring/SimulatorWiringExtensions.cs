using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using RealTimeAuth.ServiceDefaults;

namespace RealTimeAuth.AppHost.Wiring;

/// <summary>
/// The agent simulator's wiring: the co-pilot's client secret (the server's generated <c>copilot-client-secret</c>), the
/// admin console's client secret and redirect URI (the simulator signs its admin in through that client), and one Aspire
/// dashboard command per scenario plus one for a load run, each calling the simulator's own HTTP endpoint.
/// </summary>
internal static class SimulatorWiringExtensions
{
    /// <summary>Scenario name (the simulator's <c>POST /scenarios/{name}</c>), dashboard label, description.</summary>
    private static readonly (string Name, string Label, string Description)[] Scenarios =
    [
        ("steady", "Scenario: steady work", "A fresh co-pilot and agents work steadily; nobody is stopped."),
        ("compromised-agent", "Scenario: compromised agent", "An admin revokes the data writer's subtree; it and its delegate stop, its siblings go on."),
        ("user-disabled", "Scenario: user disabled", "The user is disabled at the IdP mid-task; every agent stops. Waits for the security events issue."),
        ("risk-rises", "Scenario: risk rises", "Risk rises: writes are denied while reads continue. Waits for the security events and policy issues."),
        ("policy-tightened", "Scenario: policy tightened", "An admin tightens a policy; the removed permission is denied at once. Waits for the policy issue."),
        ("stolen-token", "Scenario: stolen token", "An attacker copies an agent's token (and an old proof) and tries to stream, authorize and delegate; every attempt is refused."),
    ];

    public static IResourceBuilder<ProjectResource> WithSimulatorWiring(
        this IResourceBuilder<ProjectResource> simulator,
        GeneratedSecrets secrets,
        IResourceBuilder<ProjectResource> adminConsole)
    {
        simulator
            .WithEnvironment("Simulator__CoPilot__ClientSecret", secrets.CopilotClient)
            // The dev IdP registers the admin console's origin + /signin-oidc for the admin-console client (DevIdp:AdminRedirectUris).
            .WithEnvironment("Simulator__Admin__RedirectUri", ReferenceExpression.Create($"{adminConsole.GetEndpoint(ResourceNames.HttpEndpoint)}/signin-oidc"))
            .WithEnvironment("Simulator__Admin__ClientSecret", secrets.AdminConsoleClient);

        foreach (var (name, label, description) in Scenarios)
        {
            simulator.WithHttpCommand($"/scenarios/{name}", label, commandName: $"scenario-{name}", commandOptions: new HttpCommandOptions
            {
                Description = description,
                IconName = "Play",
                GetCommandResult = ResultAsync,
            });
        }

        return simulator.WithHttpCommand("/load", "Load run", commandName: "load", commandOptions: new HttpCommandOptions
        {
            Description = "N agents across M users at a given action rate against the local server; prints p50/p90/p99/max and writes CSV.",
            IconName = "Gauge",
            Arguments =
            [
                Number("agents", "Agents", "100"),
                Number("users", "Users", "2"),
                Number("actionsPerSecond", "Actions per second (all agents)", "200"),
                Number("durationSeconds", "Duration (seconds)", "30"),
            ],
            PrepareRequest = context =>
            {
                context.Request.Content = JsonContent.Create(new
                {
                    agents = context.Arguments.GetInt32("agents"),
                    users = context.Arguments.GetInt32("users"),
                    actionsPerSecond = context.Arguments.GetDouble("actionsPerSecond"),
                    durationSeconds = context.Arguments.GetDouble("durationSeconds"),
                });
                return Task.CompletedTask;
            },
            GetCommandResult = ResultAsync,
        });
    }

    private static InteractionInput Number(string name, string label, string value) =>
        new() { Name = name, Label = label, InputType = InputType.Number, Required = true, Value = value };

    /// <summary>The run's JSON as the command's result; the verdict's summary (or the problem's detail) as its message.</summary>
    private static async Task<ExecuteCommandResult> ResultAsync(HttpCommandResultContext context)
    {
        var body = await context.Response.Content.ReadAsStringAsync(context.CancellationToken);
        var json = TryParse(body);
        if (!context.Response.IsSuccessStatusCode)
        {
            var detail = Text(json, "detail") ?? string.Create(CultureInfo.InvariantCulture, $"The simulator answered {(int)context.Response.StatusCode}.");
            return body.Length == 0 ? CommandResults.Failure(detail) : CommandResults.Failure(detail, body, CommandResultFormat.Json);
        }

        var verdict = json?.TryGetProperty("verdict", out var found) == true ? found : (JsonElement?)null;
        var summary = Text(verdict, "summary") ?? "The run finished; see the result.";
        return verdict?.TryGetProperty("passed", out var passed) == true && passed.ValueKind == JsonValueKind.False
            ? CommandResults.Failure(summary, body, CommandResultFormat.Json)
            : CommandResults.Success(summary, body, CommandResultFormat.Json, displayImmediately: true);
    }

    private static JsonElement? TryParse(string body)
    {
        try
        {
            return body.Length == 0 ? null : JsonDocument.Parse(body).RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Text(JsonElement? element, string name) =>
        element is { ValueKind: JsonValueKind.Object } value && value.TryGetProperty(name, out var property) && property.ValueKind == JsonValueKind.String
            ? property.GetString()
            : null;
}
