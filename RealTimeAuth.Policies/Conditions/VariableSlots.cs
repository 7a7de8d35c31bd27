namespace RealTimeAuth.Policies.Conditions;

/// <summary>
/// Where <c>exists</c>/<c>all</c> put the current item for their predicate: one array per thread and item
/// type, indexed by macro nesting level. Evaluation is synchronous, so a thread's slots belong to the one
/// condition it is evaluating, and compiled policies stay shareable across threads without allocating.
/// </summary>
internal static class VariableSlots<T>
{
    [ThreadStatic]
    private static T[]? _values;

    public static T[] Values => _values ??= new T[PolicyLimits.MaxConditionDepth];
}
