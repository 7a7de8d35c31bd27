namespace RealTimeAuth.AgentSimulator.Scenarios;

/// <summary>Whether the agents did what the scenario expects, with one finding per agent and expectation.</summary>
public sealed record VerdictReport(bool Passed, string Summary, IReadOnlyList<string> Findings);
