namespace RealTimeAuth.AgentSimulator.Scenarios.Triggers;

/// <summary>A scenario whose trigger needs a feature the system does not have yet: listed, explained, and refused — never faked.</summary>
internal abstract class UnavailableTrigger : IScenarioTrigger
{
    public abstract string Name { get; }

    public abstract string Description { get; }

    public abstract ScenarioAvailability Availability { get; }

    public Task<TriggerOutcome> FireAsync(ScenarioContext context, CancellationToken cancellationToken) =>
        throw new NotSupportedException($"The scenario '{Name}' is not available until {Availability.WaitingFor}.");
}
