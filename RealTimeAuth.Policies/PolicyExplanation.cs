using System.Collections.Immutable;

namespace RealTimeAuth.Policies;

/// <summary>
/// Every rule that applied to a request, not only the deciding one: for what-if reports, the admin console
/// and tests. Costs more than <see cref="CompiledPolicySet.Evaluate"/>, which stops at the first decisive rule.
/// </summary>
/// <param name="Decision">The same decision <see cref="CompiledPolicySet.Evaluate"/> returns.</param>
/// <param name="AllowRules">Allow rules that applied, in document order.</param>
/// <param name="DenyRules">Deny rules that applied, in document order, including those whose condition failed.</param>
/// <param name="FailedConditions">Rules whose target matched but whose condition could not be evaluated.</param>
public sealed record PolicyExplanation(
    PolicyDecision Decision,
    ImmutableArray<string> AllowRules,
    ImmutableArray<string> DenyRules,
    ImmutableArray<string> FailedConditions);
