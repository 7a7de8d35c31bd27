namespace RealTimeAuth.AgentSimulator.Scenarios;

/// <summary>What a scenario name selects: a trigger ready to run, an unknown name, or a scenario still waiting for a feature.</summary>
internal sealed record ScenarioSelection(ScenarioSelectionStatus Status, IScenarioTrigger? Trigger, string Message);
