using System.Collections.Immutable;

namespace RealTimeAuth.Server.Authorization.Audit;

/// <summary>One decision as audited: who (user and agent chain), what, the outcome, the policy version and the reason.</summary>
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
}
