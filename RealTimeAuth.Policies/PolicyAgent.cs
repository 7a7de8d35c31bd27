using System.Collections.Immutable;

namespace RealTimeAuth.Policies;

/// <summary>
/// The agent acting for the subject and how it got there: its id and kind, its delegation depth (0 for the
/// agent holding the user's root session), the chain of agent ids from the root to it, and the kinds and clients of
/// that chain. Immutable, so one instance per session serves every decision.
/// </summary>
public sealed class PolicyAgent
{
    private readonly ImmutableArray<string> _chain = [];
    private readonly ImmutableArray<string> _chainKinds = [];
    private readonly ImmutableArray<string> _chainClients = [];
    private ImmutableArray<string>? _ownKind;

    public required string Id { get; init; }

    public required string Kind { get; init; }

    public int Depth { get; init; }

    /// <summary>Agent ids from the root session's agent to this one, inclusive.</summary>
    public ImmutableArray<string> Chain
    {
        get => _chain;
        init => _chain = value.IsDefault ? [] : value;
    }

    /// <summary>
    /// The kind of every agent from the root session's to this one, inclusive (the server's record, not the agent's
    /// word). When not given, this agent's own kind: a rule about the chain then still sees the acting agent.
    /// </summary>
    public ImmutableArray<string> ChainKinds
    {
        get => _chainKinds.IsEmpty ? _ownKind ??= [Kind] : _chainKinds;
        init => _chainKinds = value.IsDefault ? [] : value;
    }

    /// <summary>The registered client of every session from the root to this one, inclusive.</summary>
    public ImmutableArray<string> ChainClients
    {
        get => _chainClients;
        init => _chainClients = value.IsDefault ? [] : value;
    }
}
