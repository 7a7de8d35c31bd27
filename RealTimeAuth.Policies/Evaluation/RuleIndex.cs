using System.Collections.Frozen;

namespace RealTimeAuth.Policies.Evaluation;

/// <summary>
/// Rules filed by action name and then by resource type, with <c>*</c> as a key of its own at both levels, so
/// a decision looks at the rules for its action and type only, whatever the size of the set. Memory grows
/// with the sum over rules of actions × resource types, never with the product of all actions and all types.
/// </summary>
internal sealed class RuleIndex
{
    public const string Wildcard = "*";

    private readonly FrozenDictionary<string, ActionRules> _byAction;
    private readonly ActionRules? _anyAction;

    private RuleIndex(FrozenDictionary<string, ActionRules> byAction)
    {
        _byAction = byAction;
        _anyAction = byAction.GetValueOrDefault(Wildcard);
    }

    public static RuleIndex Build(IEnumerable<CompiledRule> rules)
    {
        var map = new Dictionary<string, Dictionary<string, (List<RuleCandidate> Deny, List<RuleCandidate> Allow)>>(StringComparer.Ordinal);
        foreach (var rule in rules.OrderBy(rule => rule.Index))
        {
            foreach (var action in rule.Actions.Distinct(StringComparer.Ordinal))
            {
                var byType = map.TryGetValue(action, out var found) ? found : map[action] = new(StringComparer.Ordinal);
                foreach (var group in rule.Resources.GroupBy(resource => resource.Type, StringComparer.Ordinal))
                {
                    var ids = group.Any(resource => resource.Ids is null) ? null : group.SelectMany(resource => resource.Ids!).ToArray();
                    if (!byType.TryGetValue(group.Key, out var lists))
                    {
                        lists = byType[group.Key] = ([], []);
                    }

                    (rule.IsDeny ? lists.Deny : lists.Allow).Add(new RuleCandidate(rule, ids));
                }
            }
        }

        return new RuleIndex(map.ToFrozenDictionary(
            pair => pair.Key,
            pair => new ActionRules(pair.Value.ToFrozenDictionary(
                entry => entry.Key,
                entry => new RuleBucket([.. entry.Value.Deny], [.. entry.Value.Allow]),
                StringComparer.Ordinal)),
            StringComparer.Ordinal));
    }

    public CandidateBuckets Find(string action, string type)
    {
        var buckets = default(CandidateBuckets);
        if (action != Wildcard && _byAction.TryGetValue(action, out var exact))
        {
            exact.Find(type, ref buckets, 0);
        }

        _anyAction?.Find(type, ref buckets, 2);
        return buckets;
    }

    private sealed class ActionRules(FrozenDictionary<string, RuleBucket> byType)
    {
        private readonly RuleBucket? _anyType = byType.GetValueOrDefault(Wildcard);

        public void Find(string type, ref CandidateBuckets buckets, int offset)
        {
            if (type != Wildcard)
            {
                buckets[offset] = byType.GetValueOrDefault(type);
            }

            buckets[offset + 1] = _anyType;
        }
    }
}
