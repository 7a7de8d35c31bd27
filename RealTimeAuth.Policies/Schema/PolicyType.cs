using System.Collections.Immutable;

namespace RealTimeAuth.Policies.Schema;

/// <summary>
/// The static type of an attribute or expression. Scalars are bool, int, double and string; a string type
/// may list its allowed values in rank order (<see cref="Enum"/>), which lets the checker reject unknown
/// literals and lets <c>&lt;</c> compare ranks. Lists hold scalars; maps are string to string.
/// </summary>
public sealed class PolicyType : IEquatable<PolicyType>
{
    private PolicyType(PolicyTypeKind kind, string name, PolicyType? elementType = null, ImmutableArray<string> enumValues = default)
    {
        Kind = kind;
        Name = name;
        ElementType = elementType;
        EnumValues = enumValues.IsDefault ? [] : enumValues;
    }

    public static PolicyType Bool { get; } = new(PolicyTypeKind.Bool, "bool");

    public static PolicyType Int { get; } = new(PolicyTypeKind.Int, "int");

    public static PolicyType Double { get; } = new(PolicyTypeKind.Double, "double");

    public static PolicyType String { get; } = new(PolicyTypeKind.String, "string");

    public static PolicyType Null { get; } = new(PolicyTypeKind.Null, "null");

    public static PolicyType StringList { get; } = ListOf(String);

    public static PolicyType StringMap { get; } = new(PolicyTypeKind.Map, "map<string, string>", String);

    public PolicyTypeKind Kind { get; }

    /// <summary>"int", "list&lt;string&gt;", or the name given to an enumerated string type.</summary>
    public string Name { get; }

    /// <summary>The element type of a list or the value type of a map; null otherwise.</summary>
    public PolicyType? ElementType { get; }

    /// <summary>The allowed values of an enumerated string type, lowest rank first; empty otherwise.</summary>
    public ImmutableArray<string> EnumValues { get; }

    public bool IsEnum => EnumValues.Length > 0;

    public bool IsScalar => Kind is PolicyTypeKind.Bool or PolicyTypeKind.Int or PolicyTypeKind.Double or PolicyTypeKind.String;

    /// <exception cref="ArgumentException">The element type is not a scalar.</exception>
    public static PolicyType ListOf(PolicyType elementType)
    {
        ArgumentNullException.ThrowIfNull(elementType);
        if (!elementType.IsScalar)
        {
            throw new ArgumentException("Lists hold bool, int, double or string values.", nameof(elementType));
        }

        return new(PolicyTypeKind.List, $"list<{elementType.Name}>", elementType);
    }

    /// <summary>A string type limited to <paramref name="values"/>, ranked in the order given.</summary>
    /// <exception cref="ArgumentException">No values, or a value is empty or repeated.</exception>
    public static PolicyType Enum(string name, params IEnumerable<string> values)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        var list = values.ToImmutableArray();
        if (list.Length == 0 || list.Any(string.IsNullOrEmpty) || list.Distinct(StringComparer.Ordinal).Count() != list.Length)
        {
            throw new ArgumentException("An enumerated type needs distinct, non-empty values.", nameof(values));
        }

        return new(PolicyTypeKind.String, name, enumValues: list);
    }

    /// <summary>Whether values of both types have the same representation (any two string types do).</summary>
    public bool IsCompatibleWith(PolicyType other) =>
        Kind == other.Kind && (ElementType is null || other.ElementType is null || ElementType.IsCompatibleWith(other.ElementType));

    /// <summary>The rank of <paramref name="value"/> in an enumerated type, or -1.</summary>
    public int RankOf(string value) => EnumValues.IndexOf(value, StringComparer.Ordinal);

    public bool Equals(PolicyType? other) =>
        other is not null
        && Kind == other.Kind
        && Name == other.Name
        && Equals(ElementType, other.ElementType)
        && EnumValues.SequenceEqual(other.EnumValues, StringComparer.Ordinal);

    public override bool Equals(object? obj) => Equals(obj as PolicyType);

    public override int GetHashCode() => HashCode.Combine(Kind, Name);

    public override string ToString() => Name;
}
