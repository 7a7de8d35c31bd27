using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using RealTimeAuth.AgentSimulator.Configuration;
using RealTimeAuth.AgentSimulator.Scenarios;

namespace RealTimeAuth.AgentSimulator.Load;

/// <summary>
/// <c>POST /load</c>: one load run against the configured server, with <c>Simulator:Load</c> overridden by the body's
/// numbers. Mapped only when <c>Simulator:ControlApiEnabled</c> is true.
/// </summary>
public static class LoadApi
{
    public static IEndpointRouteBuilder MapLoadApi(this IEndpointRouteBuilder app)
    {
        if (!app.ServiceProvider.GetRequiredService<IOptions<SimulatorOptions>>().Value.ControlApiEnabled)
        {
            return app;
        }

        app.MapPost("/load", RunLoadAsync)
            .WithTags("Load")
            .WithName("RunLoad")
            .WithSummary("Run N agents across M users at a given action rate against the configured server; report p50/p90/p99/max latencies and write them as CSV");
        return app;
    }

    internal static async Task<Results<Ok<LoadReport>, ValidationProblem, ProblemHttpResult>> RunLoadAsync(
        LoadRequest? request, [AsParameters] LoadApiServices services, CancellationToken cancellationToken)
    {
        var options = services.Options.Value.With(request);
        var validation = new LoadOptionsValidator().Validate(null, options);
        if (validation.Failed)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [LoadOptions.SectionName] = [.. validation.Failures] });
        }

        using var lease = services.Gate.TryEnter();
        if (lease is null)
        {
            return RunProblems.Busy();
        }

        try
        {
            return TypedResults.Ok(await services.Runner.RunAsync(options, cancellationToken));
        }
        catch (LoadRefusedException refused)
        {
            return TypedResults.Problem(refused.Message, statusCode: StatusCodes.Status400BadRequest, title: "Load run refused");
        }
        catch (Exception exception) when (RunProblems.FromDependency(exception) is { } problem)
        {
            return problem;
        }
    }
}
