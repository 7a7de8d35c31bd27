using System.Collections.Immutable;
using RealTimeAuth.Protocol.Tokens;

namespace RealTimeAuth.Protocol.Contexts;

/// <summary>
/// The effective security context of a session: attribute name → typed value, immutable. Its SHA-256 over
/// the canonical encoding (<see cref="SecurityContextEncoding"/>) is the token's ContextHash, so the same
/// attributes give the same hash whatever order they were added in, and any change gives another hash.
/// Names are case-sensitive, non-empty, well-formed UTF-16.
/// </summary>
public sealed class SecurityContext
{
    /// <summary>A context without attributes.</summary>
    public static readonly SecurityContext Empty = new(ImmutableSortedDictionary.Create<string, SecurityAttributeValue>(CodePointComparer.Instance));

    private readonly ImmutableSortedDictionary<string, SecurityAttributeValue> _attributes;

    private SecurityContext(ImmutableSortedDictionary<string, SecurityAttributeValue> attributes) => _attributes = attributes;

    /// <summary>The attributes in canonical order (by code point of the name).</summary>
    public IReadOnlyDictionary<string, SecurityAttributeValue> Attributes => _attributes;

    /// <summary>Number of attributes.</summary>
    public int Count => _attributes.Count;

    /// <summary>Builds a context from name/value pairs.</summary>
    /// <exception cref="ArgumentException">A name is repeated, empty or malformed, or a value is <c>default</c>.</exception>
    public static SecurityContext Create(IEnumerable<KeyValuePair<string, SecurityAttributeValue>> attributes)
    {
        ArgumentNullException.ThrowIfNull(attributes);
        var builder = Empty._attributes.ToBuilder();
        foreach (var (name, value) in attributes)
        {
            ValidateAttribute(name, value);
            if (!builder.TryAdd(name, value))
            {
                throw new ArgumentException($"The attribute '{name}' appears more than once.", nameof(attributes));
            }
        }

        return new SecurityContext(builder.ToImmutable());
    }

    /// <summary>A copy with <paramref name="name"/> set to <paramref name="value"/> (added or replaced).</summary>
    /// <exception cref="ArgumentException">The name is empty or malformed, or the value is <c>default</c>.</exception>
    public SecurityContext With(string name, SecurityAttributeValue value)
    {
        ValidateAttribute(name, value);
        return new SecurityContext(_attributes.SetItem(name, value));
    }

    /// <summary>A copy without <paramref name="name"/>.</summary>
    public SecurityContext Without(string name) => new(_attributes.Remove(name));

    /// <summary>The canonical encoding described on <see cref="SecurityContextEncoding"/>.</summary>
    public byte[] ToCanonicalBytes() => SecurityContextEncoding.Encode(this);

    /// <summary>SHA-256 of <see cref="ToCanonicalBytes"/>: the value of the token's ContextHash.</summary>
    public RtaContextHash ComputeHash() => SecurityContextEncoding.ComputeHash(this);

    private static void ValidateAttribute(string name, SecurityAttributeValue value)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        StrictUtf8.Require(name, nameof(name));
        if (value.Kind == SecurityAttributeKind.None)
        {
            throw new ArgumentException($"The attribute '{name}' has no value.", nameof(value));
        }
    }
}
