using RealTimeAuth.Server.Policies.Schema;

namespace RealTimeAuth.Server.Policies.Evaluation;

/// <summary>
/// A validated rule, ready to match: cheap target checks first (resource id, subject, agent), the compiled
/// condition last. Action and resource type were already matched by the <see cref="RuleIndex"/>.
/// </summary>
internal sealed class CompiledRule
{
    public required string Id { get; init; }

    /// <summary>Position in the document; orders candidates and explanations.</summary>
    public required int Index { get; init; }

    public required bool IsDeny { get; init; }

    /// <summary>Action names or <c>*</c>; used to file the rule in the index.</summary>
    public required string[] Actions { get; init; }

    /// <summary>Resource types (or <c>*</c>) with their id patterns; used to file the rule in the index.</summary>
    public required (string Type, GlobPattern[]? Ids)[] Resources { get; init; }

    public string[]? SubjectTypes { get; init; }

    public GlobPattern[]? SubjectIds { get; init; }

    public string[]? Roles { get; init; }

    public KeyValuePair<string, string>[]? SubjectAttributes { get; init; }

    public bool RequiresAgent { get; init; }

    public string[]? AgentKinds { get; init; }

    public GlobPattern[]? AgentIds { get; init; }

    public int? MaxDepth { get; init; }

    public AttributeReader<bool>? Condition { get; init; }

    public RuleOutcome Match(in DecisionRequest request, GlobPattern[]? resourceIds)
    {
        if (resourceIds is not null && (request.Resource.Id is not { } id || !GlobPattern.AnyMatch(resourceIds, id)))
        {
            return RuleOutcome.NotApplicable;
        }

        if (!MatchesSubject(request.Subject) || !MatchesAgent(request.Agent))
        {
            return RuleOutcome.NotApplicable;
        }

        if (Condition is null)
        {
            return RuleOutcome.Applies;
        }

        return !Condition(in request, out var holds) ? RuleOutcome.ConditionFailed
            : holds ? RuleOutcome.Applies
            : RuleOutcome.NotApplicable;
    }

    private bool MatchesSubject(PolicySubject subject)
    {
        if (SubjectTypes is not null && Array.IndexOf(SubjectTypes, subject.Type) < 0)
        {
            return false;
        }

        if (SubjectIds is not null && !GlobPattern.AnyMatch(SubjectIds, subject.Id))
        {
            return false;
        }

        if (Roles is not null && !HoldsAnyRole(subject))
        {
            return false;
        }

        if (SubjectAttributes is not null)
        {
            foreach (var (name, expected) in SubjectAttributes)
            {
                if (!subject.Attributes.TryGetValue(name, out var actual) || !string.Equals(actual, expected, StringComparison.Ordinal))
                {
                    return false;
                }
            }
        }

        return true;
    }

    private bool HoldsAnyRole(PolicySubject subject)
    {
        foreach (var role in subject.Roles)
        {
            if (Array.IndexOf(Roles!, role) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    private bool MatchesAgent(PolicyAgent? agent)
    {
        if (!RequiresAgent)
        {
            return true;
        }

        return agent is not null
            && (AgentKinds is null || Array.IndexOf(AgentKinds, agent.Kind) >= 0)
            && (AgentIds is null || GlobPattern.AnyMatch(AgentIds, agent.Id))
            && (MaxDepth is not { } max || agent.Depth <= max);
    }
}
