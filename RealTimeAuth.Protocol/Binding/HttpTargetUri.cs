namespace RealTimeAuth.Protocol.Binding;

/// <summary>
/// The parts of an absolute http or https URI that an <c>htu</c> names (RFC 9449 §4.2: the target URI without query
/// and fragment), and their comparison. RFC 9449 §4.3 asks for RFC 3986 §6.2.2 syntax-based and §6.2.3 scheme-based
/// normalisation before comparing; this applies the parts that matter for a server's own URIs:
/// <list type="bullet">
/// <item>scheme and host compare case-insensitively (§6.2.2.1);</item>
/// <item>in the path, the hex digits of a percent-encoding compare case-insensitively (§6.2.2.1) and a percent-encoded
/// unreserved character equals the character itself (§6.2.2.2);</item>
/// <item>an absent or empty port is the scheme's default, 80 or 443 (§6.2.3), and an empty path is "/" (§6.2.3).</item>
/// </list>
/// Dot segments are not removed and nothing else is normalised. Every difference left makes the URIs unequal, so a
/// client that writes an unusual form is refused; a proof is never accepted for a URI it does not name.
/// A URI with userinfo is refused (RFC 9110 §4.2.4 forbids it in http and https URIs).
/// </summary>
internal readonly ref struct HttpTargetUri
{
    private HttpTargetUri(bool isHttps, ReadOnlySpan<char> host, int port, ReadOnlySpan<char> path)
    {
        IsHttps = isHttps;
        Host = host;
        Port = port;
        Path = path.IsEmpty ? "/" : path;
    }

    public bool IsHttps { get; }

    public ReadOnlySpan<char> Host { get; }

    public int Port { get; }

    public ReadOnlySpan<char> Path { get; }

    /// <summary>The URI up to its first '?' or '#'.</summary>
    public static ReadOnlySpan<char> WithoutQueryAndFragment(ReadOnlySpan<char> uri)
    {
        var end = uri.IndexOfAny('?', '#');
        return end < 0 ? uri : uri[..end];
    }

    /// <summary>True when both are absolute http(s) URIs naming the same resource once query and fragment are dropped.</summary>
    public static bool Matches(ReadOnlySpan<char> htu, ReadOnlySpan<char> requestUri) =>
        TryParse(htu, out var left) && TryParse(requestUri, out var right) && left.NamesSameResourceAs(right);

    /// <summary>Parses an absolute http or https URI, ignoring its query and fragment; false for anything else.</summary>
    public static bool TryParse(ReadOnlySpan<char> uri, out HttpTargetUri parsed)
    {
        parsed = default;
        uri = WithoutQueryAndFragment(uri);

        var schemeEnd = uri.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd <= 0)
        {
            return false;
        }

        var scheme = uri[..schemeEnd];
        var isHttps = scheme.Equals("https", StringComparison.OrdinalIgnoreCase);
        if (!isHttps && !scheme.Equals("http", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var rest = uri[(schemeEnd + 3)..];
        var pathStart = rest.IndexOf('/');
        var authority = pathStart < 0 ? rest : rest[..pathStart];
        var path = pathStart < 0 ? [] : rest[pathStart..];
        if (authority.IsEmpty || authority.Contains('@') || !TrySplitAuthority(authority, out var host, out var portText))
        {
            return false;
        }

        var port = isHttps ? 443 : 80;
        if (!portText.IsEmpty && !TryParsePort(portText, out port))
        {
            return false;
        }

        parsed = new HttpTargetUri(isHttps, host, port, path);
        return true;
    }

    public bool NamesSameResourceAs(HttpTargetUri other) =>
        IsHttps == other.IsHttps
        && Port == other.Port
        && Host.Equals(other.Host, StringComparison.OrdinalIgnoreCase)
        && PathsEqual(Path, other.Path);

    private static bool TrySplitAuthority(ReadOnlySpan<char> authority, out ReadOnlySpan<char> host, out ReadOnlySpan<char> portText)
    {
        portText = [];
        if (authority[0] == '[')
        {
            // An IP literal (RFC 3986 §3.2.2): the brackets are part of the host, a port may follow "]:".
            var close = authority.IndexOf(']');
            host = close < 0 ? [] : authority[..(close + 1)];
            var after = close < 0 ? [] : authority[(close + 1)..];
            if (close < 0 || (!after.IsEmpty && after[0] != ':'))
            {
                return false;
            }

            portText = after.IsEmpty ? [] : after[1..];
            return true;
        }

        var colon = authority.LastIndexOf(':');
        host = colon < 0 ? authority : authority[..colon];
        portText = colon < 0 ? [] : authority[(colon + 1)..];
        return !host.IsEmpty;
    }

    private static bool TryParsePort(ReadOnlySpan<char> text, out int port)
    {
        port = 0;
        if (text.Length > 5)
        {
            return false;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            port = (port * 10) + (c - '0');
        }

        return port <= 65535;
    }

    private static bool PathsEqual(ReadOnlySpan<char> left, ReadOnlySpan<char> right)
    {
        if (left.SequenceEqual(right))
        {
            return true;
        }

        int i = 0, j = 0;
        while (i < left.Length && j < right.Length)
        {
            if (NextPathUnit(left, ref i) != NextPathUnit(right, ref j))
            {
                return false;
            }
        }

        return i == left.Length && j == right.Length;
    }

    // One character of a path, or one percent-encoded octet: an encoded unreserved character reads as the character,
    // any other encoded octet as 0x10000 + the octet, so "%2f" equals "%2F" but never "/".
    private static int NextPathUnit(ReadOnlySpan<char> path, ref int index)
    {
        var c = path[index];
        if (c == '%' && index + 2 < path.Length && char.IsAsciiHexDigit(path[index + 1]) && char.IsAsciiHexDigit(path[index + 2]))
        {
            var octet = (HexValue(path[index + 1]) << 4) | HexValue(path[index + 2]);
            index += 3;
            return IsUnreserved(octet) ? octet : 0x10000 | octet;
        }

        index++;
        return c;
    }

    private static int HexValue(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;

    // RFC 3986 §2.3: ALPHA / DIGIT / "-" / "." / "_" / "~".
    private static bool IsUnreserved(int octet) =>
        char.IsAsciiLetterOrDigit((char)octet) || octet is '-' or '.' or '_' or '~';
}
