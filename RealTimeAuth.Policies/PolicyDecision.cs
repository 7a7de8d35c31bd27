namespace RealTimeAuth.Policies;

/// <summary>The answer to a <see cref="DecisionRequest"/>.</summary>
/// <param name="Allowed">Whether the request is allowed.</param>
/// <param name="Reason">A stable reason code from <see cref="PolicyReasons"/>.</param>
/// <param name="RuleId">The rule that decided; null when no rule applied.</param>
/// <param name="PolicyVersion">The version label of the policy set that decided.</param>
/// <param name="ConditionFailed">
/// True when the deciding deny rule applied because its condition could not be evaluated (an attribute or
/// key it reads is absent): deny rules fail closed, while allow rules never apply on such an error.
/// </param>
public readonly record struct PolicyDecision(bool Allowed, string Reason, string? RuleId, string PolicyVersion, bool ConditionFailed = false);
