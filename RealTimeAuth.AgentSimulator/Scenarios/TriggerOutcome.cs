namespace RealTimeAuth.AgentSimulator.Scenarios;

/// <summary>What a trigger did and what it expects the agents to do about it; the run judges the agents against it.</summary>
internal sealed record TriggerOutcome(string Description)
{
    /// <summary>Agents that must stop on a pushed revocation; every other agent must go on working.</summary>
    public IReadOnlyList<string> ExpectedToStop { get; init; } = [];

    /// <summary>Actions (<c>write records</c>) that must be denied, never allowed, after the trigger, by every agent that tries them.</summary>
    public IReadOnlyList<string> ExpectedDeniedActions { get; init; } = [];

    /// <summary>Whether the co-pilot's own session must end too (a user disabled at the IdP, say).</summary>
    public bool CoPilotExpectedToStop { get; init; }

    /// <summary>Sessions the server reported ending, when the trigger revoked.</summary>
    public IReadOnlyList<string> RevokedSessionIds { get; init; } = [];

    /// <summary>The server's event log sequence of the change, when it reported one.</summary>
    public long? EventSequence { get; init; }

    /// <summary>Uses of a stolen token the trigger attempted; each must have been refused for one of its expected reasons.</summary>
    public IReadOnlyList<Attacks.AttackAttempt> Attacks { get; init; } = [];
}
