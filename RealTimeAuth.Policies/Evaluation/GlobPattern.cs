namespace RealTimeAuth.Policies.Evaluation;

/// <summary>
/// An id pattern where <c>*</c> matches any run of characters (including none and including '/'); every other
/// character matches itself, ordinally. No regular expressions: a pattern splits at its stars, and matching
/// checks the first part as a prefix, the last as a suffix and the middle parts in order, leftmost first,
/// which is exact for star-only patterns and linear in the value's length per part.
/// </summary>
internal sealed class GlobPattern
{
    private const char Star = '*';
    private readonly string[] _parts;

    private GlobPattern(string text)
    {
        Text = text;
        _parts = text.Split(Star);
    }

    public string Text { get; }

    public static GlobPattern Parse(string text) => new(text);

    public static bool AnyMatch(GlobPattern[] patterns, string value)
    {
        foreach (var pattern in patterns)
        {
            if (pattern.IsMatch(value))
            {
                return true;
            }
        }

        return false;
    }

    public bool IsMatch(string value)
    {
        if (_parts.Length == 1)
        {
            return string.Equals(value, Text, StringComparison.Ordinal);
        }

        var first = _parts[0];
        var last = _parts[^1];
        if (value.Length < first.Length + last.Length
            || !value.StartsWith(first, StringComparison.Ordinal)
            || !value.EndsWith(last, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = value.AsSpan(first.Length, value.Length - first.Length - last.Length);
        for (var i = 1; i < _parts.Length - 1; i++)
        {
            var at = rest.IndexOf(_parts[i], StringComparison.Ordinal);
            if (at < 0)
            {
                return false;
            }

            rest = rest[(at + _parts[i].Length)..];
        }

        return true;
    }

    public override string ToString() => Text;
}
