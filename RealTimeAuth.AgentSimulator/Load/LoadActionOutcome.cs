using RealTimeAuth.AgentSimulator.Agents;

namespace RealTimeAuth.AgentSimulator.Load;

/// <summary>What the agents of a load run did, and how long they acted.</summary>
internal sealed record LoadActionOutcome(IReadOnlyList<AgentReport> Agents, double Seconds);
