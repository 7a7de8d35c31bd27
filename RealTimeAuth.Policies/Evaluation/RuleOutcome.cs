namespace RealTimeAuth.Policies.Evaluation;

internal enum RuleOutcome
{
    /// <summary>The rule does not cover the request, or its condition is false.</summary>
    NotApplicable,

    /// <summary>Everything matched and the condition, if any, is true.</summary>
    Applies,

    /// <summary>Everything matched but the condition could not be evaluated (an absent attribute or key).</summary>
    ConditionFailed,
}
