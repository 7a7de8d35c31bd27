using System.Diagnostics.CodeAnalysis;

namespace RealTimeAuth.Protocol.Scopes;

/// <summary>
/// A granted scope, <c>&lt;resourceType&gt;:&lt;action&gt;</c> (<c>documents:read</c>); <c>&lt;resourceType&gt;:*</c>
/// covers every action on that type. There is no wildcard type, and no name holds the separator or is the wildcard,
/// so no scope can reach another type or action. Text that does not fit the grammar is no scope and covers nothing.
/// Parsing keeps the text and allocates nothing, so the decider can parse on every call.
/// </summary>
public readonly record struct RtaScope
{
    public const char Separator = ':';
    public const string Wildcard = "*";

    private readonly string? _text;
    private readonly int _separator;

    private RtaScope(string text, int separator)
    {
        _text = text;
        _separator = separator;
    }

    /// <summary>The resource type, for example <c>documents</c>.</summary>
    public string ResourceType => _text is null ? string.Empty : _text[.._separator];

    /// <summary>The action, for example <c>read</c>, or <see cref="Wildcard"/>.</summary>
    public string Action => _text is null ? string.Empty : _text[(_separator + 1)..];

    /// <summary>True for <c>type:*</c>, which covers every action on the type.</summary>
    public bool IsWildcard => _text is not null && _text.Length == _separator + 2 && _text[^1] == Wildcard[0];

    private ReadOnlySpan<char> TypeSpan => _text.AsSpan(0, _separator);

    private ReadOnlySpan<char> ActionSpan => _text.AsSpan(_separator + 1);

    /// <summary>Reads <paramref name="text"/> as a scope; false when it does not fit the grammar.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out RtaScope scope)
    {
        scope = default;
        var separator = text is null ? -1 : text.IndexOf(Separator, StringComparison.Ordinal);
        if (separator < 0)
        {
            return false;
        }

        // The type ends at the first separator, so it holds none; the action may be a name or the wildcard.
        var action = text.AsSpan(separator + 1);
        if (separator == 0 || (separator == 1 && text![0] == Wildcard[0]) || action.IsEmpty || action.Contains(Separator))
        {
            return false;
        }

        scope = new RtaScope(text!, separator);
        return true;
    }

    /// <exception cref="FormatException"><paramref name="text"/> is not <c>&lt;resourceType&gt;:&lt;action&gt;</c>.</exception>
    public static RtaScope Parse(string text) =>
        TryParse(text, out var scope)
            ? scope
            : throw new FormatException($"'{text}' is not a scope: expected <resourceType>{Separator}<action> or <resourceType>{Separator}{Wildcard}.");

    /// <summary>
    /// True when a name can stand for a resource type or an action: not empty, not the wildcard, and without the
    /// separator, which would let it reach into another type or action.
    /// </summary>
    public static bool IsName(ReadOnlySpan<char> value) =>
        !value.IsEmpty && !value.SequenceEqual(Wildcard) && !value.Contains(Separator);

    /// <summary>True when this scope allows <paramref name="action"/> on <paramref name="resourceType"/>; never for a name that is not one.</summary>
    public bool Covers(string resourceType, string action) =>
        // A parsed type and a parsed non-wildcard action are names, so a query equal to them is made of names too.
        _text is not null
        && TypeSpan.SequenceEqual(resourceType)
        && (IsWildcard ? IsName(action) : ActionSpan.SequenceEqual(action));

    /// <summary>The scope as granted, <c>type:action</c>.</summary>
    public override string ToString() => _text ?? string.Empty;
}
