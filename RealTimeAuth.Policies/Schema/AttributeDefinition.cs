using System.Buffers;

namespace RealTimeAuth.Policies.Schema;

/// <summary>
/// One attribute conditions may name, such as <c>subject.roles</c>: its dotted path, its type and the reader
/// that takes its value from a <see cref="DecisionRequest"/>. The path starts with one of the four roots
/// (<see cref="AttributeSchema.Roots"/>) and every segment is an identifier.
/// </summary>
public sealed class AttributeDefinition
{
    private static readonly SearchValues<char> IdentifierChars =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_");

    private AttributeDefinition(string path, PolicyType type, Delegate reader, string description)
    {
        Path = path;
        Type = type;
        Reader = reader;
        Description = description;
    }

    public string Path { get; }

    public PolicyType Type { get; }

    public string Description { get; }

    /// <summary>An <see cref="AttributeReader{T}"/> whose T is the type's .NET representation.</summary>
    internal Delegate Reader { get; }

    /// <summary>
    /// Declares an attribute. <typeparamref name="T"/> must represent <paramref name="type"/>: bool, long,
    /// double, string, <c>ImmutableArray&lt;element&gt;</c> for lists, <c>IReadOnlyDictionary&lt;string, string&gt;</c> for maps.
    /// </summary>
    /// <exception cref="ArgumentException">The path is malformed or outside the roots, or T does not represent the type.</exception>
    public static AttributeDefinition Create<T>(string path, PolicyType type, AttributeReader<T> reader, string description)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(description);
        var segments = path?.Split('.') ?? [];
        if (segments.Length < 2 || !AttributeSchema.Roots.Contains(segments[0]) || !segments.All(IsIdentifier))
        {
            throw new ArgumentException($"'{path}' is not a dotted path under subject, resource, action or context.", nameof(path));
        }

        if (type.Kind == PolicyTypeKind.Null || ClrTypes.Of(type) != typeof(T))
        {
            throw new ArgumentException($"A {type} attribute needs a reader of {ClrTypes.Of(type).Name}, not {typeof(T).Name}.", nameof(reader));
        }

        return new AttributeDefinition(path!, type, reader, description);
    }

    internal static bool IsIdentifier(string text) =>
        text.Length > 0
        && (char.IsAsciiLetter(text[0]) || text[0] == '_')
        && text.AsSpan().IndexOfAnyExcept(IdentifierChars) < 0;
}
