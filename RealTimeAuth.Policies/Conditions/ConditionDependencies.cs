namespace RealTimeAuth.Policies.Conditions;

/// <summary>
/// Whether a checked condition reads anything that only a request carries: the resource's id or properties (trusted or asserted),
/// the request context or the clock. A condition that does not can be decided for a session alone.
/// </summary>
internal static class ConditionDependencies
{
    private static readonly string[] RequestAttributes =
        ["resource.id", "resource.properties", "resource.asserted", "context.request", "context.time_of_day", "context.day_of_week"];

    public static bool DependsOnRequest(BoundNode node) => node switch
    {
        BoundAttribute attribute => Array.IndexOf(RequestAttributes, attribute.Attribute.Path) >= 0,
        BoundLiteral or BoundVariable => false,
        BoundMapKey mapKey => DependsOnRequest(mapKey.Map),
        BoundIndex index => DependsOnRequest(index.Target) || DependsOnRequest(index.Index),
        BoundNot not => DependsOnRequest(not.Operand),
        BoundNegate negate => DependsOnRequest(negate.Operand),
        BoundComparison comparison => DependsOnRequest(comparison.Left) || DependsOnRequest(comparison.Right),
        BoundNullTest nullTest => DependsOnRequest(nullTest.Operand),
        BoundIn @in => DependsOnRequest(@in.Item) || DependsOnRequest(@in.Container),
        BoundLogical logical => logical.Operands.Any(DependsOnRequest),
        BoundConditional conditional => DependsOnRequest(conditional.Condition) || DependsOnRequest(conditional.Then) || DependsOnRequest(conditional.Else),
        BoundHas has => DependsOnRequest(has.Operand),
        BoundSize size => DependsOnRequest(size.Operand),
        BoundStringTest test => DependsOnRequest(test.Receiver) || DependsOnRequest(test.Argument),
        BoundMacro macro => DependsOnRequest(macro.List) || DependsOnRequest(macro.Predicate),
        BoundList list => list.Items.Any(DependsOnRequest),
        // A node kind this walk does not know is assumed to depend on the request: the safe answer is "possible".
        _ => true,
    };
}
