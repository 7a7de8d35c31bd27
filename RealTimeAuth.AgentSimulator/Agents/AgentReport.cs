namespace RealTimeAuth.AgentSimulator.Agents;

/// <summary>One agent's part in a run, as the HTTP endpoint returns it and the console summary prints it.</summary>
public sealed record AgentReport
{
    public required string AgentId { get; init; }

    public required string Kind { get; init; }

    public required string SessionId { get; init; }

    public string? ParentSessionId { get; init; }

    public required IReadOnlyList<string> Scopes { get; init; }

    /// <summary>Whether the scenario's trigger was meant to stop this agent.</summary>
    public bool ExpectedToStop { get; init; }

    public AgentOutcome Outcome { get; init; }

    public required DecisionCounts Decisions { get; init; }

    /// <summary>Allowed actions actually performed after the trigger; a stopped agent performs none after it stops.</summary>
    public int PerformedAfterTrigger { get; init; }

    /// <summary>When the agent last completed an allowed action; a stopped agent's is before its revocation arrived.</summary>
    public DateTimeOffset? LastPerformedAt { get; init; }

    /// <summary>Authorization calls that failed in transport.</summary>
    public int Errors { get; init; }

    /// <summary>Decisions per action, for example <c>write records</c>.</summary>
    public required IReadOnlyDictionary<string, DecisionCounts> ByAction { get; init; }

    /// <summary>Denials per reason code, for example <c>scope-missing</c>.</summary>
    public required IReadOnlyDictionary<string, int> DenialReasons { get; init; }

    public RevocationReport? Revocation { get; init; }

    public string? Failure { get; init; }
}
