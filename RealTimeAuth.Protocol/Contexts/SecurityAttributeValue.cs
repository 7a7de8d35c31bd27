using System.Collections.Immutable;
using System.Globalization;

namespace RealTimeAuth.Protocol.Contexts;

/// <summary>
/// A typed value of a security attribute: string, 64-bit integer, boolean, finite double or list of strings.
/// Strings must be well-formed UTF-16 and are taken as given (no normalisation, no case folding).
/// </summary>
public readonly struct SecurityAttributeValue : IEquatable<SecurityAttributeValue>
{
    private readonly string? _string;
    private readonly long _bits;
    private readonly ImmutableArray<string> _list;

    private SecurityAttributeValue(SecurityAttributeKind kind, string? text, long bits, ImmutableArray<string> list)
    {
        Kind = kind;
        _string = text;
        _bits = bits;
        _list = list;
    }

    /// <summary>The type of the value; <see cref="SecurityAttributeKind.None"/> only for <c>default</c>.</summary>
    public SecurityAttributeKind Kind { get; }

    /// <exception cref="ArgumentException">The string holds a lone surrogate.</exception>
    public static SecurityAttributeValue FromString(string value) =>
        new(SecurityAttributeKind.String, StrictUtf8.Require(value, nameof(value)), 0, default);

    public static SecurityAttributeValue FromInt64(long value) => new(SecurityAttributeKind.Int64, null, value, default);

    public static SecurityAttributeValue FromBoolean(bool value) => new(SecurityAttributeKind.Boolean, null, value ? 1 : 0, default);

    /// <summary>A finite number; -0.0 is stored as 0.0 so that equal numbers encode equally.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The number is NaN or infinite.</exception>
    public static SecurityAttributeValue FromDouble(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "Security attributes hold finite numbers only.");
        }

        return new(SecurityAttributeKind.Double, null, BitConverter.DoubleToInt64Bits(value == 0 ? 0d : value), default);
    }

    /// <summary>A list whose order and duplicates are significant: ["a","b"] and ["b","a"] hash differently.</summary>
    /// <exception cref="ArgumentException">An item is null or holds a lone surrogate.</exception>
    public static SecurityAttributeValue FromStringList(IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var list = values.Select(static v => StrictUtf8.Require(v, nameof(values))).ToImmutableArray();
        return new(SecurityAttributeKind.StringList, null, 0, list);
    }

    /// <summary>
    /// A list that means a set: sorted by code point and without duplicates, so two sets with the same
    /// members hash the same whatever order they were given in.
    /// </summary>
    /// <exception cref="ArgumentException">An item is null or holds a lone surrogate.</exception>
    public static SecurityAttributeValue FromStringSet(IEnumerable<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var set = values
            .Select(static v => StrictUtf8.Require(v, nameof(values)))
            .Distinct(StringComparer.Ordinal)
            .Order(CodePointComparer.Instance)
            .ToImmutableArray();
        return new(SecurityAttributeKind.StringList, null, 0, set);
    }

    public static implicit operator SecurityAttributeValue(string value) => FromString(value);

    public static implicit operator SecurityAttributeValue(long value) => FromInt64(value);

    public static implicit operator SecurityAttributeValue(bool value) => FromBoolean(value);

    /// <exception cref="InvalidOperationException">The value is not a string.</exception>
    public string AsString() => Expect(SecurityAttributeKind.String)._string!;

    /// <exception cref="InvalidOperationException">The value is not an integer.</exception>
    public long AsInt64() => Expect(SecurityAttributeKind.Int64)._bits;

    /// <exception cref="InvalidOperationException">The value is not a boolean.</exception>
    public bool AsBoolean() => Expect(SecurityAttributeKind.Boolean)._bits != 0;

    /// <exception cref="InvalidOperationException">The value is not a number.</exception>
    public double AsDouble() => BitConverter.Int64BitsToDouble(Expect(SecurityAttributeKind.Double)._bits);

    /// <exception cref="InvalidOperationException">The value is not a string list.</exception>
    public ImmutableArray<string> AsStringList() => Expect(SecurityAttributeKind.StringList)._list;

    /// <summary>The raw 64-bit payload of an integer, boolean or double, as encoded.</summary>
    internal long Bits => _bits;

    public bool Equals(SecurityAttributeValue other) =>
        Kind == other.Kind
        && _bits == other._bits
        && string.Equals(_string, other._string, StringComparison.Ordinal)
        && (_list.IsDefault ? other._list.IsDefault : !other._list.IsDefault && _list.SequenceEqual(other._list, StringComparer.Ordinal));

    public override bool Equals(object? obj) => obj is SecurityAttributeValue other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Kind, _bits, _string, _list.IsDefault ? 0 : _list.Length);

    public override string ToString() => Kind switch
    {
        SecurityAttributeKind.String => _string!,
        SecurityAttributeKind.Int64 => _bits.ToString(CultureInfo.InvariantCulture),
        SecurityAttributeKind.Boolean => _bits != 0 ? "true" : "false",
        SecurityAttributeKind.Double => AsDouble().ToString("R", CultureInfo.InvariantCulture),
        SecurityAttributeKind.StringList => "[" + string.Join(", ", _list) + "]",
        _ => string.Empty,
    };

    public static bool operator ==(SecurityAttributeValue left, SecurityAttributeValue right) => left.Equals(right);

    public static bool operator !=(SecurityAttributeValue left, SecurityAttributeValue right) => !left.Equals(right);

    private SecurityAttributeValue Expect(SecurityAttributeKind kind) =>
        Kind == kind ? this : throw new InvalidOperationException($"The attribute holds {Kind}, not {kind}.");
}
