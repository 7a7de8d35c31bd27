namespace RealTimeAuth.AgentSimulator.Load;

/// <summary>The body of <c>POST /load</c>: any of these override <c>Simulator:Load</c> for one run. The target server cannot be changed.</summary>
public sealed record LoadRequest(int? Agents, int? Users, double? ActionsPerSecond, double? DurationSeconds, long? MaxActions, bool? RevokeAtEnd);
