using RealTimeAuth.AgentSimulator.Agents;

namespace RealTimeAuth.AgentSimulator.Scenarios;

/// <summary>What a trigger acts on: the run's team, working.</summary>
internal sealed record ScenarioContext(AgentTeam Team)
{
    public string RunId => Team.RunId;
}
