namespace RealTimeAuth.AgentSimulator.Agents;

/// <summary>
/// A kind of agent: the scopes it asks its parent for, the actions it cycles through (one it has no scope for is denied
/// and recorded, never performed), and the agents it delegates to in turn.
/// </summary>
public sealed record AgentProfile(string Kind, string Name, IReadOnlyList<string> Scopes, IReadOnlyList<AgentAction> Actions)
{
    public IReadOnlyList<AgentProfile> Delegates { get; init; } = [];

    /// <summary>This profile and every profile below it, parents first.</summary>
    public IEnumerable<AgentProfile> Flatten() => Delegates.SelectMany(child => child.Flatten()).Prepend(this);
}
