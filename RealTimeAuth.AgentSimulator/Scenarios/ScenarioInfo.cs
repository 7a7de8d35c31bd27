namespace RealTimeAuth.AgentSimulator.Scenarios;

/// <summary>A scenario as <c>GET /scenarios</c> lists it.</summary>
public sealed record ScenarioInfo(string Name, string Description, bool Available, string? WaitingFor);
