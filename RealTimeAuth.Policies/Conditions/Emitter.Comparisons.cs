using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Numerics;
using RealTimeAuth.Policies.Schema;

namespace RealTimeAuth.Policies.Conditions;

/// <summary>Comparisons (ordinal for strings, by rank for enumerated strings) and <c>in</c>.</summary>
internal static partial class Emitter
{
    /// <summary>Constant string lists longer than this are looked up in a frozen set instead of scanned.</summary>
    private const int ScanLimit = 8;

    private static AttributeReader<bool> EmitComparison(BoundComparison comparison)
    {
        var (op, left, right) = (comparison.Operator, comparison.Left, comparison.Right);
        if (comparison.RankType is { } rankType)
        {
            return Compare(Rank(left, rankType), Rank(right, rankType), op);
        }

        return left.Type.Kind switch
        {
            PolicyTypeKind.Int => Compare(Emit<long>(left), Emit<long>(right), op),
            PolicyTypeKind.Double => Compare(Emit<double>(left), Emit<double>(right), op),
            PolicyTypeKind.String => CompareStrings(Emit<string>(left), Emit<string>(right), op),
            _ => CompareBools(Emit<bool>(left), Emit<bool>(right), op == TokenKind.Equal),
        };
    }

    private static AttributeReader<bool> Compare<T>(AttributeReader<T> left, AttributeReader<T> right, TokenKind op)
        where T : IComparisonOperators<T, T, bool> => op switch
        {
            TokenKind.Equal => (in DecisionRequest r, out bool v) => Set(Both(left, right, in r, out var a, out var b), a == b, out v),
            TokenKind.NotEqual => (in DecisionRequest r, out bool v) => Set(Both(left, right, in r, out var a, out var b), a != b, out v),
            TokenKind.Less => (in DecisionRequest r, out bool v) => Set(Both(left, right, in r, out var a, out var b), a < b, out v),
            TokenKind.LessOrEqual => (in DecisionRequest r, out bool v) => Set(Both(left, right, in r, out var a, out var b), a <= b, out v),
            TokenKind.Greater => (in DecisionRequest r, out bool v) => Set(Both(left, right, in r, out var a, out var b), a > b, out v),
            _ => (in DecisionRequest r, out bool v) => Set(Both(left, right, in r, out var a, out var b), a >= b, out v),
        };

    private static AttributeReader<bool> CompareStrings(AttributeReader<string> left, AttributeReader<string> right, TokenKind op) => op switch
    {
        TokenKind.Equal => (in DecisionRequest r, out bool v) => Set(Both(left, right, in r, out var a, out var b), string.Equals(a, b), out v),
        TokenKind.NotEqual => (in DecisionRequest r, out bool v) => Set(Both(left, right, in r, out var a, out var b), !string.Equals(a, b), out v),
        TokenKind.Less => (in DecisionRequest r, out bool v) => Set(Both(left, right, in r, out var a, out var b), string.CompareOrdinal(a, b) < 0, out v),
        TokenKind.LessOrEqual => (in DecisionRequest r, out bool v) => Set(Both(left, right, in r, out var a, out var b), string.CompareOrdinal(a, b) <= 0, out v),
        TokenKind.Greater => (in DecisionRequest r, out bool v) => Set(Both(left, right, in r, out var a, out var b), string.CompareOrdinal(a, b) > 0, out v),
        _ => (in DecisionRequest r, out bool v) => Set(Both(left, right, in r, out var a, out var b), string.CompareOrdinal(a, b) >= 0, out v),
    };

    private static AttributeReader<bool> CompareBools(AttributeReader<bool> left, AttributeReader<bool> right, bool equal) =>
        (in DecisionRequest r, out bool v) => Set(Both(left, right, in r, out var a, out var b), (a == b) == equal, out v);

    /// <summary>The rank of an enumerated string (a literal's is computed now); an unknown value has none.</summary>
    private static AttributeReader<long> Rank(BoundNode node, PolicyType type)
    {
        if (node is BoundLiteral { Value: string literal })
        {
            return Constant((long)type.RankOf(literal));
        }

        var values = type.EnumValues.ToArray();
        var text = Emit<string>(node);
        return (in DecisionRequest r, out long v) =>
        {
            v = text(in r, out var s) ? Array.IndexOf(values, s) : -1;
            return v >= 0;
        };
    }

    private static AttributeReader<bool> EmitIn(BoundIn test) => test.Container.Type.Kind == PolicyTypeKind.Map
        ? KeyIn(Emit<string>(test.Item), Emit<IReadOnlyDictionary<string, string>>(test.Container))
        : TypeVisitor.AcceptScalar(test.Container.Type.ElementType!, new InEmitter(test));

    private static AttributeReader<bool> KeyIn(AttributeReader<string> key, AttributeReader<IReadOnlyDictionary<string, string>> map) =>
        (in DecisionRequest r, out bool v) =>
        {
            var ok = key(in r, out var k) & map(in r, out var m);
            v = ok && m!.ContainsKey(k!);
            return ok;
        };

    private static AttributeReader<bool> InConstants<T>(AttributeReader<T> item, T[] values) => (in DecisionRequest r, out bool v) =>
    {
        var ok = item(in r, out var x);
        v = ok && Array.IndexOf(values, x) >= 0;
        return ok;
    };

    private static AttributeReader<bool> InSet(AttributeReader<string> item, FrozenSet<string> values) => (in DecisionRequest r, out bool v) =>
    {
        var ok = item(in r, out var x);
        v = ok && values.Contains(x!);
        return ok;
    };

    private static AttributeReader<bool> InList<T>(AttributeReader<T> item, AttributeReader<ImmutableArray<T>> list) => (in DecisionRequest r, out bool v) =>
    {
        var ok = item(in r, out var x) & list(in r, out var items);
        v = ok && OrEmpty(items).IndexOf(x!) >= 0;
        return ok;
    };

    private static bool Both<T>(AttributeReader<T> left, AttributeReader<T> right, in DecisionRequest r, out T a, out T b)
    {
        if (!left(in r, out a!))
        {
            b = default!;
            return false;
        }

        return right(in r, out b!);
    }

    /// <summary>Sets <paramref name="v"/> to <paramref name="result"/> when both operands were read, false otherwise.</summary>
    private static bool Set(bool ok, bool result, out bool v)
    {
        v = ok && result;
        return ok;
    }

    private readonly struct InEmitter(BoundIn test) : ITypeVisitor<AttributeReader<bool>>
    {
        public AttributeReader<bool> Visit<T>()
        {
            var item = Emit<T>(test.Item);
            if (test.Container is not BoundLiteral { Value: ImmutableArray<T> constants })
            {
                return InList(item, Emit<ImmutableArray<T>>(test.Container));
            }

            return typeof(T) == typeof(string) && constants.Length > ScanLimit
                ? InSet((AttributeReader<string>)(Delegate)item, ((ImmutableArray<string>)(object)constants).ToFrozenSet(StringComparer.Ordinal))
                : InConstants(item, constants.ToArray());
        }
    }
}
