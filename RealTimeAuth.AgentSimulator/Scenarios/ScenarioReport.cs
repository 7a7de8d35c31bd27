using RealTimeAuth.AgentSimulator.Agents;

namespace RealTimeAuth.AgentSimulator.Scenarios;

/// <summary>One scenario run: who, what the trigger did, what each agent did, and the verdict. The body of <c>POST /scenarios/{name}</c>.</summary>
public sealed record ScenarioReport
{
    public required string Scenario { get; init; }

    public required string Description { get; init; }

    public required string RunId { get; init; }

    public required string User { get; init; }

    /// <summary>When the agents started working, after sign-in and delegation.</summary>
    public required DateTimeOffset StartedAt { get; init; }

    public DateTimeOffset? TriggeredAt { get; init; }

    public required DateTimeOffset EndedAt { get; init; }

    /// <summary>True when the run was cut short (the simulator stopping, or the caller going away).</summary>
    public bool EndedEarly { get; init; }

    public required CoPilotReport CoPilot { get; init; }

    public TriggerReport? Trigger { get; init; }

    public required IReadOnlyList<AgentReport> Agents { get; init; }

    public required VerdictReport Verdict { get; init; }
}
