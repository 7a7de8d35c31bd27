namespace RealTimeAuth.AgentSimulator.Scenarios.Triggers;

/// <summary><c>steady</c>: nothing changes; every agent keeps working within its scopes, and out-of-scope attempts stay denied.</summary>
internal sealed class SteadyWorkTrigger : IScenarioTrigger
{
    public string Name => ScenarioNames.Steady;

    public string Description => "Steady work: nothing changes, every agent keeps working and nobody is stopped.";

    public ScenarioAvailability Availability => ScenarioAvailability.Available;

    public Task<TriggerOutcome> FireAsync(ScenarioContext context, CancellationToken cancellationToken) =>
        Task.FromResult(new TriggerOutcome("Nothing happens: the agents should all keep working."));
}
