using System.Collections.Immutable;

namespace RealTimeAuth.Policies;

/// <summary>
/// The agent acting for the subject and how it got there: its id and kind, its delegation depth (0 for the
/// agent holding the user's root session) and the chain of agent ids from the root to it. Immutable, so one
/// instance per session serves every decision.
/// </summary>
public sealed class PolicyAgent
{
    private readonly ImmutableArray<string> _chain = [];

    public required string Id { get; init; }

    public required string Kind { get; init; }

    public int Depth { get; init; }

    /// <summary>Agent ids from the root session's agent to this one, inclusive.</summary>
    public ImmutableArray<string> Chain
    {
        get => _chain;
        init => _chain = value.IsDefault ? [] : value;
    }
}
