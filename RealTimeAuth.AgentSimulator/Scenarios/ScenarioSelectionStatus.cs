namespace RealTimeAuth.AgentSimulator.Scenarios;

internal enum ScenarioSelectionStatus
{
    Ready,
    Unknown,
    Unavailable,
}
