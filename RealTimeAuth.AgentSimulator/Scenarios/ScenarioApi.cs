using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using RealTimeAuth.AgentSimulator.Configuration;

namespace RealTimeAuth.AgentSimulator.Scenarios;

/// <summary>
/// <c>/scenarios</c>: list the scenarios, and run one on demand (the app host exposes each as a command in the Aspire
/// dashboard). Mapped only when <c>Simulator:ControlApiEnabled</c> is true: a run acts with admin rights.
/// </summary>
public static class ScenarioApi
{
    public static IEndpointRouteBuilder MapScenarioApi(this IEndpointRouteBuilder app)
    {
        if (!app.ServiceProvider.GetRequiredService<IOptions<SimulatorOptions>>().Value.ControlApiEnabled)
        {
            return app;
        }

        var api = app.MapGroup("/scenarios").WithTags("Scenarios");
        api.MapGet("/", ListScenarios)
            .WithName("ListScenarios")
            .WithSummary("The scenarios, and which are not available yet and why");
        api.MapPost("/{name}", RunScenarioAsync)
            .WithName("RunScenario")
            .WithSummary("Run one scenario with a fresh co-pilot and agents, and report what every agent did and the verdict");
        return app;
    }

    internal static Ok<ScenarioInfo[]> ListScenarios(ScenarioCatalog catalog) =>
        TypedResults.Ok(catalog.All
            .Select(trigger => new ScenarioInfo(trigger.Name, trigger.Description, trigger.Availability.IsAvailable, trigger.Availability.WaitingFor))
            .ToArray());

    internal static async Task<Results<Ok<ScenarioReport>, ProblemHttpResult>> RunScenarioAsync(
        string name, [AsParameters] ScenarioApiServices services, CancellationToken cancellationToken)
    {
        var selection = services.Catalog.Select(name);
        switch (selection.Status)
        {
            case ScenarioSelectionStatus.Unknown:
                return TypedResults.Problem(selection.Message, statusCode: StatusCodes.Status404NotFound, title: "Unknown scenario");
            case ScenarioSelectionStatus.Unavailable:
                return TypedResults.Problem(
                    selection.Message,
                    statusCode: StatusCodes.Status501NotImplemented,
                    title: "Scenario not available yet",
                    extensions: new Dictionary<string, object?>
                    {
                        ["scenario"] = selection.Trigger!.Name,
                        ["waitingFor"] = selection.Trigger.Availability.WaitingFor,
                    });
        }

        using var lease = services.Gate.TryEnter();
        if (lease is null)
        {
            return RunProblems.Busy();
        }

        try
        {
            return TypedResults.Ok(await services.Runner.RunAsync(selection.Trigger!, services.Options.Value.Run.Duration, cancellationToken));
        }
        catch (Exception exception) when (RunProblems.FromDependency(exception) is { } problem)
        {
            return problem;
        }
    }
}
