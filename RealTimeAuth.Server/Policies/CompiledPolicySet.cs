using System.Collections.Immutable;
using RealTimeAuth.Server.Policies.Evaluation;

namespace RealTimeAuth.Server.Policies;

/// <summary>
/// A checked, compiled policy set: immutable, thread-safe, and evaluated without allocating. Deny overrides
/// allow; a request no rule applies to is denied. Build one with <see cref="PolicyCompiler"/>.
/// </summary>
public sealed class CompiledPolicySet
{
    private readonly RuleIndex _index;

    internal CompiledPolicySet(string version, string? name, ImmutableArray<CompiledRule> rules)
    {
        Version = version;
        Name = name;
        _index = RuleIndex.Build(rules);
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

    private static void Validate(in DecisionRequest request)
    {
        if (request.Subject?.Type is null || request.Subject.Id is null || request.Action is null || request.Resource.Type is null)
        {
            throw new ArgumentException("A decision request needs a subject with a type and an id, an action and a resource type.", nameof(request));
        }
    }
}
