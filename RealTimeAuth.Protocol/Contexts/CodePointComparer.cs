namespace RealTimeAuth.Protocol.Contexts;

/// <summary>
/// Orders well-formed strings by Unicode code point, which is also the byte order of their UTF-8 forms,
/// so any language can reproduce the order. Differs from UTF-16 ordinal order only where a supplementary
/// character (a surrogate pair) meets a character in U+E000..U+FFFF.
/// </summary>
internal sealed class CodePointComparer : IComparer<string>
{
    public static readonly CodePointComparer Instance = new();

    private CodePointComparer()
    {
    }

    public int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? -1 : 1;
        }

        var length = Math.Min(x.Length, y.Length);
        for (var i = 0; i < length; i++)
        {
            if (x[i] != y[i])
            {
                return Rank(x[i]) - Rank(y[i]);
            }
        }

        return x.Length - y.Length;
    }

    // Moves surrogates (which encode U+10000 and above) after U+E000..U+FFFF; the order within each range is unchanged.
    private static int Rank(char c) => c switch
    {
        >= '\uE000' => c - 0x800,
        >= '\uD800' => c + 0x2000,
        _ => c,
    };
}
