namespace RealTimeAuth.Policies.Evaluation;

/// <summary>The candidates for one action and resource type, deny rules apart so they can be tried first.</summary>
internal sealed class RuleBucket(RuleCandidate[] deny, RuleCandidate[] allow)
{
    public RuleCandidate[] Deny { get; } = deny;

    public RuleCandidate[] Allow { get; } = allow;
}
