using RealTimeAuth.Policies.Schema;

namespace RealTimeAuth.Policies.Evaluation;

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

    /// <summary>Whether <see cref="Condition"/> reads the resource id or properties, the request context or the clock.</summary>
    public bool ConditionDependsOnRequest { get; init; }

    /// <summary>
    /// How far the rule reaches a session's subject and agent for the request's action and resource type, whatever
    /// the resource id, properties, request context and time: not at all, for some requests, or for every one.
    /// A condition that cannot be evaluated counts as holding for a deny rule (it denies, as <c>Evaluate</c> does)
    /// and as not holding for an allow rule.
    /// </summary>
    public RuleReach Reach(in DecisionRequest request, GlobPattern[]? resourceIds)
    {
        if (!MatchesSubject(request.Subject) || !MatchesAgent(request.Agent))
        {
            return RuleReach.None;
        }

        var everyResource = resourceIds is null || Array.Exists(resourceIds, pattern => pattern.Text == RuleIndex.Wildcard);
        if (Condition is not null)
        {
            if (ConditionDependsOnRequest)
            {
                return RuleReach.Some;
            }

            var evaluated = Condition(in request, out var holds);
            if (!(holds && evaluated) && !(IsDeny && !evaluated))
            {
                return RuleReach.None;
            }
        }

        return everyResource ? RuleReach.All : RuleReach.Some;
    }

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
