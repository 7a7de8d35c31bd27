using System.Collections.Immutable;
using RealTimeAuth.Policies.Evaluation;

namespace RealTimeAuth.Policies;

/// <summary>
/// A checked, compiled policy set: immutable, thread-safe, and evaluated without allocating. Deny overrides
/// allow; a request no rule applies to is denied. Build one with <see cref="PolicyCompiler"/>.
/// </summary>
public sealed class CompiledPolicySet
{
    private readonly RuleIndex _index;
    private readonly ImmutableArray<CompiledRule> _rules;

    internal CompiledPolicySet(string version, string? name, ImmutableArray<CompiledRule> rules)
    {
        Version = version;
        Name = name;
        _index = RuleIndex.Build(rules);
        _rules = rules;
        RuleIds = [.. rules.Select(rule => rule.Id)];
    }

    /// <summary>The version label given at compilation; carried by every decision.</summary>
    public string Version { get; }

    public string? Name { get; }

    /// <summary>The rule ids in document order.</summary>
    public ImmutableArray<string> RuleIds { get; }

    /// <summary>
    /// Decides a request. Deny rules are tried before allow rules; the first deny rule that applies decides
    /// (one whose condition failed only if no other applies), then the first allow rule that applies.
    /// </summary>
    /// <exception cref="ArgumentException">The request lacks a subject type or id, an action or a resource type.</exception>
    public PolicyDecision Evaluate(in DecisionRequest request)
    {
        Validate(in request);
        var buckets = _index.Find(request.Action, request.Resource.Type);
        CompiledRule? failedDeny = null;
        foreach (var bucket in buckets)
        {
            foreach (var candidate in bucket?.Deny ?? [])
            {
                var outcome = candidate.Rule.Match(in request, candidate.ResourceIds);
                if (outcome == RuleOutcome.Applies)
                {
                    return new PolicyDecision(false, PolicyReasons.DeniedByRule, candidate.Rule.Id, Version);
                }

                if (outcome == RuleOutcome.ConditionFailed)
                {
                    failedDeny ??= candidate.Rule;
                }
            }
        }

        if (failedDeny is not null)
        {
            return new PolicyDecision(false, PolicyReasons.DeniedByRule, failedDeny.Id, Version, ConditionFailed: true);
        }

        foreach (var bucket in buckets)
        {
            foreach (var candidate in bucket?.Allow ?? [])
            {
                if (candidate.Rule.Match(in request, candidate.ResourceIds) == RuleOutcome.Applies)
                {
                    return new PolicyDecision(true, PolicyReasons.Allowed, candidate.Rule.Id, Version);
                }
            }
        }

        return new PolicyDecision(false, PolicyReasons.NoMatchingRule, null, Version);
    }

    /// <summary>Decides a request and lists every rule that applied or whose condition failed.</summary>
    /// <exception cref="ArgumentException">The request lacks a subject type or id, an action or a resource type.</exception>
    public PolicyExplanation Explain(in DecisionRequest request)
    {
        var decision = Evaluate(in request);
        var outcomes = new SortedDictionary<int, (CompiledRule Rule, RuleOutcome Outcome)>();
        foreach (var bucket in _index.Find(request.Action, request.Resource.Type))
        {
            foreach (var candidate in (bucket?.Deny ?? []).Concat(bucket?.Allow ?? []))
            {
                var outcome = candidate.Rule.Match(in request, candidate.ResourceIds);
                var index = candidate.Rule.Index;
                if (outcome != RuleOutcome.NotApplicable && (!outcomes.TryGetValue(index, out var seen) || seen.Outcome != RuleOutcome.Applies))
                {
                    outcomes[index] = (candidate.Rule, outcome);
                }
            }
        }

        var found = outcomes.Values.ToList();
        return new PolicyExplanation(
            decision,
            [.. found.Where(f => !f.Rule.IsDeny && f.Outcome == RuleOutcome.Applies).Select(f => f.Rule.Id)],
            [.. found.Where(f => f.Rule.IsDeny).Select(f => f.Rule.Id)],
            [.. found.Where(f => f.Outcome == RuleOutcome.ConditionFailed).Select(f => f.Rule.Id)]);
    }

    /// <summary>
    /// What this set could allow <paramref name="subject"/> (through <paramref name="agent"/>) to do with
    /// <paramref name="action"/> on resources of <paramref name="resourceType"/>, for any resource, request context
    /// and time: a deny rule that matches them unconditionally for every resource id denies it; otherwise an allow
    /// rule that matches them unconditionally for every resource allows it; an allow rule restricted by resource ids
    /// or by a condition that reads the request (or a deny rule of that kind) makes it possible. Conditions that read
    /// only the subject and agent are evaluated. For session-level analysis (publish, what-if), not the hot path.
    /// </summary>
    public PermissionLevel Analyze(PolicySubject subject, PolicyAgent? agent, string action, string resourceType)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentException.ThrowIfNullOrEmpty(action);
        ArgumentException.ThrowIfNullOrEmpty(resourceType);
        var request = new DecisionRequest { Subject = subject, Agent = agent, Action = action, Resource = new PolicyResource { Type = resourceType } };
        var buckets = _index.Find(action, resourceType);
        var partialDeny = false;
        foreach (var bucket in buckets)
        {
            foreach (var candidate in bucket?.Deny ?? [])
            {
                switch (candidate.Rule.Reach(in request, candidate.ResourceIds))
                {
                    case RuleReach.All:
                        return PermissionLevel.Denied;
                    case RuleReach.Some:
                        partialDeny = true;
                        break;
                }
            }
        }

        var best = PermissionLevel.Denied;
        foreach (var bucket in buckets)
        {
            foreach (var candidate in bucket?.Allow ?? [])
            {
                var reach = candidate.Rule.Reach(in request, candidate.ResourceIds);
                if (reach == RuleReach.All && !partialDeny)
                {
                    return PermissionLevel.Allowed;
                }

                if (reach != RuleReach.None)
                {
                    best = PermissionLevel.Possible;
                }
            }
        }

        return best;
    }

    /// <summary>The action names rules give for <paramref name="resourceType"/> (or for every type), sorted; <c>*</c> is not a name.</summary>
    public ImmutableArray<string> ActionsFor(string resourceType)
    {
        ArgumentNullException.ThrowIfNull(resourceType);
        return [.. _rules
            .Where(rule => rule.Resources.Any(resource => resource.Type == resourceType || resource.Type == RuleIndex.Wildcard))
            .SelectMany(rule => rule.Actions)
            .Where(action => action != RuleIndex.Wildcard)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)];
    }

    private static void Validate(in DecisionRequest request)
    {
        if (request.Subject?.Type is null || request.Subject.Id is null || request.Action is null || request.Resource.Type is null)
        {
            throw new ArgumentException("A decision request needs a subject with a type and an id, an action and a resource type.", nameof(request));
        }
    }
}
