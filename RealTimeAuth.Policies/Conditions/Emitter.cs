using System.Collections.Immutable;
using System.Runtime.InteropServices;
using RealTimeAuth.Policies.Schema;

namespace RealTimeAuth.Policies.Conditions;

/// <summary>
/// Turns a checked tree into a tree of <see cref="AttributeReader{T}"/> closures. A reader returns false
/// when its value is absent or cannot be computed; operators pass that on, except that <c>&amp;&amp;</c>,
/// <c>||</c>, <c>exists</c> and <c>all</c> absorb it where the other operands decide (as CEL does), and
/// <c>has()</c> and <c>== null</c> turn it into a value. Evaluating allocates nothing except for a list
/// literal whose items are computed.
/// </summary>
internal static partial class Emitter
{
    public static AttributeReader<bool> EmitCondition(BoundNode node) => Emit<bool>(node);

    private static AttributeReader<T> Emit<T>(BoundNode node) => node switch
    {
        BoundLiteral literal => Constant((T)literal.Value!),
        BoundAttribute attribute => (AttributeReader<T>)attribute.Attribute.Reader,
        BoundVariable variable => Variable<T>(variable.Slot),
        BoundConditional conditional => Conditional(Emit<bool>(conditional.Condition), Emit<T>(conditional.Then), Emit<T>(conditional.Else)),
        BoundMapKey key => (AttributeReader<T>)(Delegate)MapKey(Emit<IReadOnlyDictionary<string, string>>(key.Map), key.Key),
        BoundIndex index when index.Target.Type.Kind == PolicyTypeKind.Map =>
            (AttributeReader<T>)(Delegate)MapIndex(Emit<IReadOnlyDictionary<string, string>>(index.Target), Emit<string>(index.Index)),
        BoundIndex index => (AttributeReader<T>)TypeVisitor.AcceptScalar(index.Type, new ListIndexEmitter(index)),
        BoundList list => (AttributeReader<T>)TypeVisitor.AcceptScalar(list.Type.ElementType!, new ListEmitter(list.Items)),
        BoundSize size => (AttributeReader<T>)(Delegate)EmitSize(size.Operand),
        BoundNegate negate => negate.Type.Kind == PolicyTypeKind.Int
            ? (AttributeReader<T>)(Delegate)NegateInt(Emit<long>(negate.Operand))
            : (AttributeReader<T>)(Delegate)NegateDouble(Emit<double>(negate.Operand)),
        _ => (AttributeReader<T>)(Delegate)EmitBool(node),
    };

    private static AttributeReader<T> Constant<T>(T value) => (in DecisionRequest _, out T v) =>
    {
        v = value;
        return true;
    };

    private static AttributeReader<T> Variable<T>(int slot) => (in DecisionRequest _, out T v) =>
    {
        v = VariableSlots<T>.Values[slot];
        return true;
    };

    private static AttributeReader<T> Conditional<T>(AttributeReader<bool> condition, AttributeReader<T> then, AttributeReader<T> otherwise) =>
        (in DecisionRequest r, out T v) =>
        {
            if (!condition(in r, out var test))
            {
                v = default!;
                return false;
            }

            return test ? then(in r, out v) : otherwise(in r, out v);
        };

    private static AttributeReader<string> MapKey(AttributeReader<IReadOnlyDictionary<string, string>> map, string key) =>
        (in DecisionRequest r, out string v) =>
        {
            v = null!;
            return map(in r, out var m) && m.TryGetValue(key, out v!) && v is not null;
        };

    private static AttributeReader<string> MapIndex(AttributeReader<IReadOnlyDictionary<string, string>> map, AttributeReader<string> key) =>
        (in DecisionRequest r, out string v) =>
        {
            v = null!;
            return map(in r, out var m) && key(in r, out var k) && m.TryGetValue(k, out v!) && v is not null;
        };

    private static AttributeReader<T> ListIndex<T>(AttributeReader<ImmutableArray<T>> list, AttributeReader<long> index) =>
        (in DecisionRequest r, out T v) =>
        {
            if (list(in r, out var items) && index(in r, out var i) && (ulong)i < (ulong)OrEmpty(items).Length)
            {
                v = items[(int)i];
                return true;
            }

            v = default!;
            return false;
        };

    private static AttributeReader<ImmutableArray<T>> ComputedList<T>(AttributeReader<T>[] items) =>
        (in DecisionRequest r, out ImmutableArray<T> v) =>
        {
            var values = new T[items.Length];
            for (var i = 0; i < items.Length; i++)
            {
                if (!items[i](in r, out var item))
                {
                    v = default;
                    return false;
                }

                values[i] = item;
            }

            v = ImmutableCollectionsMarshal.AsImmutableArray(values);
            return true;
        };

    private static AttributeReader<long> EmitSize(BoundNode operand) => operand.Type.Kind switch
    {
        PolicyTypeKind.String => Size(Emit<string>(operand), static s => CountRunes(s)),
        PolicyTypeKind.Map => Size(Emit<IReadOnlyDictionary<string, string>>(operand), static m => m.Count),
        _ => TypeVisitor.AcceptScalar(operand.Type.ElementType!, new ListSizeEmitter(operand)),
    };

    private static AttributeReader<long> Size<T>(AttributeReader<T> operand, Func<T, int> size) => (in DecisionRequest r, out long v) =>
    {
        var ok = operand(in r, out var value);
        v = ok ? size(value!) : 0;
        return ok;
    };

    /// <summary>CEL's size of a string counts code points, not UTF-16 units.</summary>
    private static int CountRunes(string text)
    {
        var count = 0;
        foreach (var _ in text.EnumerateRunes())
        {
            count++;
        }

        return count;
    }

    private static AttributeReader<long> NegateInt(AttributeReader<long> operand) => (in DecisionRequest r, out long v) =>
    {
        var ok = operand(in r, out var value) && value != long.MinValue;
        v = ok ? -value : 0;
        return ok;
    };

    private static AttributeReader<double> NegateDouble(AttributeReader<double> operand) => (in DecisionRequest r, out double v) =>
    {
        var ok = operand(in r, out var value);
        v = -value;
        return ok;
    };

    /// <summary>Extension readers may hand back a default array; it reads as empty.</summary>
    private static ImmutableArray<T> OrEmpty<T>(ImmutableArray<T> items) => items.IsDefault ? [] : items;

    private readonly struct ListIndexEmitter(BoundIndex index) : ITypeVisitor<Delegate>
    {
        public Delegate Visit<T>() => ListIndex(Emit<ImmutableArray<T>>(index.Target), Emit<long>(index.Index));
    }

    private readonly struct ListEmitter(ImmutableArray<BoundNode> items) : ITypeVisitor<Delegate>
    {
        public Delegate Visit<T>() => ComputedList(items.Select(Emit<T>).ToArray());
    }

    private readonly struct ListSizeEmitter(BoundNode list) : ITypeVisitor<AttributeReader<long>>
    {
        public AttributeReader<long> Visit<T>() => Size(Emit<ImmutableArray<T>>(list), static items => OrEmpty(items).Length);
    }
}
