using RealTimeAuth.Policies.Schema;

namespace RealTimeAuth.Policies.Conditions;

/// <summary>Bool-valued nodes: logic, presence tests, string tests; comparisons and macros are in their own files.</summary>
internal static partial class Emitter
{
    private static AttributeReader<bool> EmitBool(BoundNode node) => node switch
    {
        BoundNot not => Not(Emit<bool>(not.Operand)),
        BoundLogical logical => logical.Operator == TokenKind.And
            ? And([.. logical.Operands.Select(Emit<bool>)])
            : Or([.. logical.Operands.Select(Emit<bool>)]),
        BoundComparison comparison => EmitComparison(comparison),
        BoundIn test => EmitIn(test),
        BoundNullTest test => TypeVisitor.Accept(test.Operand.Type, new PresenceEmitter(test.Operand, test.IsNull)),
        BoundHas { Operand: BoundMapKey key } => HasKey(Emit<IReadOnlyDictionary<string, string>>(key.Map), key.Key),
        BoundHas has => TypeVisitor.Accept(has.Operand.Type, new PresenceEmitter(has.Operand, false)),
        BoundStringTest test => StringTest(test.Function, Emit<string>(test.Receiver), Emit<string>(test.Argument)),
        BoundMacro macro => TypeVisitor.AcceptScalar(macro.List.Type.ElementType!, new MacroEmitter(macro)),
        _ => throw new InvalidOperationException($"No bool reader for {node.GetType().Name}."),
    };

    private static AttributeReader<bool> Not(AttributeReader<bool> operand) => (in DecisionRequest r, out bool v) =>
    {
        var ok = operand(in r, out var value);
        v = ok && !value;
        return ok;
    };

    /// <summary>False if any operand is false, even when others cannot be evaluated; otherwise an error if any is one.</summary>
    private static AttributeReader<bool> And(AttributeReader<bool>[] operands) => (in DecisionRequest r, out bool v) =>
    {
        var failed = false;
        foreach (var operand in operands)
        {
            if (!operand(in r, out var value))
            {
                failed = true;
            }
            else if (!value)
            {
                v = false;
                return true;
            }
        }

        v = !failed;
        return !failed;
    };

    /// <summary>True if any operand is true, even when others cannot be evaluated; otherwise an error if any is one.</summary>
    private static AttributeReader<bool> Or(AttributeReader<bool>[] operands) => (in DecisionRequest r, out bool v) =>
    {
        var failed = false;
        foreach (var operand in operands)
        {
            if (!operand(in r, out var value))
            {
                failed = true;
            }
            else if (value)
            {
                v = true;
                return true;
            }
        }

        v = false;
        return !failed;
    };

    /// <summary><c>has()</c> and <c>== null</c>: whether the operand has a value; never an error itself.</summary>
    private static AttributeReader<bool> Presence<T>(AttributeReader<T> operand, bool negate) => (in DecisionRequest r, out bool v) =>
    {
        v = operand(in r, out _) != negate;
        return true;
    };

    /// <summary>A missing map counts as a map without the key.</summary>
    private static AttributeReader<bool> HasKey(AttributeReader<IReadOnlyDictionary<string, string>> map, string key) =>
        (in DecisionRequest r, out bool v) =>
        {
            v = map(in r, out var m) && m.ContainsKey(key);
            return true;
        };

    private static AttributeReader<bool> StringTest(string function, AttributeReader<string> receiver, AttributeReader<string> argument) => function switch
    {
        ConditionFunctions.StartsWith => StartsWith(receiver, argument),
        ConditionFunctions.EndsWith => EndsWith(receiver, argument),
        _ => Contains(receiver, argument),
    };

    private static AttributeReader<bool> StartsWith(AttributeReader<string> receiver, AttributeReader<string> argument) => (in DecisionRequest r, out bool v) =>
    {
        var ok = Both(receiver, argument, in r, out var s, out var a);
        v = ok && s.StartsWith(a, StringComparison.Ordinal);
        return ok;
    };

    private static AttributeReader<bool> EndsWith(AttributeReader<string> receiver, AttributeReader<string> argument) => (in DecisionRequest r, out bool v) =>
    {
        var ok = Both(receiver, argument, in r, out var s, out var a);
        v = ok && s.EndsWith(a, StringComparison.Ordinal);
        return ok;
    };

    private static AttributeReader<bool> Contains(AttributeReader<string> receiver, AttributeReader<string> argument) => (in DecisionRequest r, out bool v) =>
    {
        var ok = Both(receiver, argument, in r, out var s, out var a);
        v = ok && s.Contains(a, StringComparison.Ordinal);
        return ok;
    };

    private readonly struct PresenceEmitter(BoundNode operand, bool negate) : ITypeVisitor<AttributeReader<bool>>
    {
        public AttributeReader<bool> Visit<T>() => Presence(Emit<T>(operand), negate);
    }
}
