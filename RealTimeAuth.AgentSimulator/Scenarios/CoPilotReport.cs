namespace RealTimeAuth.AgentSimulator.Scenarios;

/// <summary>The co-pilot's session at the end of a run.</summary>
public sealed record CoPilotReport(string AgentId, string SessionId, IReadOnlyList<string> Scopes, bool Revoked, string? RevocationReason);
