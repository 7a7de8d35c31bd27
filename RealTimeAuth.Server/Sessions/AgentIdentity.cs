namespace RealTimeAuth.Server.Sessions;

/// <summary>Who acts in a session: the agent's own id, display name, kind and software.</summary>
public sealed record AgentIdentity(string Id, string Name, string Kind, string? Software);
