using System.Collections.Immutable;

namespace RealTimeAuth.Server.Authorization.Audit;

/// <summary>
/// One decision as audited: who (user, agent chain and the keys that chain is bound to), what, the outcome, the policy
/// version and the reason.
/// </summary>
public sealed record DecisionRecord(
    DateTimeOffset Time,
    Guid? SessionId,
    string User,
    ImmutableArray<string> AgentChain,
    string Action,
    string ResourceType,
    string? ResourceId,
    bool Allowed,
    string? PolicyVersion,
    string? Reason,
    string Source)
{
    public const string LiveSource = "live";
    public const string AuthZenSource = "authzen";

    /// <summary>
    /// Key thumbprints from the root session's down to the acting session's, next to <see cref="AgentChain"/>: which keys
    /// proved possession for this decision. Empty for AuthZEN decisions, which name no session.
    /// </summary>
    public ImmutableArray<string> KeyChain { get; init; } = [];

    /// <summary>Written cut to the column limits after PostgreSQL refused it whole (<see cref="DecisionRecordTruncation"/>).</summary>
    public bool Truncated { get; init; }
}
