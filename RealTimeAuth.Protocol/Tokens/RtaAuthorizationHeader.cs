using System.Text;

namespace RealTimeAuth.Protocol.Tokens;

/// <summary>The <c>Authorization: RTA &lt;token&gt;</c> header value.</summary>
public static class RtaAuthorizationHeader
{
    /// <summary>The authentication scheme name.</summary>
    public const string Scheme = "RTA";

    /// <summary>
    /// The scheme of a DPoP-bound token (RFC 9449 §7.1), accepted as a synonym: every RTAToken is bound to its session's
    /// key, and the exchange names that in its <c>token_type</c>.
    /// </summary>
    public const string BoundScheme = "DPoP";

    /// <summary>Formats a 128-byte token as a header value: <c>RTA</c>, one space, 171 base64url characters.</summary>
    public static string Format(ReadOnlySpan<byte> token) => string.Concat(Scheme, " ", RtaTokenText.Encode(token));

    /// <summary>
    /// Splits a header value into scheme and token. Accepts exactly <c>auth-scheme 1*SP token</c>
    /// (RFC 9110 §11.4), the scheme compared case-insensitively (RFC 9110 §11.1), surrounding
    /// optional whitespace ignored (RFC 9110 §5.5). Rejects another scheme, a missing token, more
    /// than one token, auth-params (<c>name=value</c>), padding, and whitespace inside the token. The token's own length and
    /// alphabet are checked by <see cref="RtaTokenText.TryDecode"/>.
    /// </summary>
    public static bool TryGetToken(ReadOnlySpan<char> headerValue, out ReadOnlySpan<char> tokenText)
    {
        tokenText = default;
        var value = headerValue.Trim(" \t");
        var schemeLength = StartsWithScheme(value, Scheme) ? Scheme.Length
            : StartsWithScheme(value, BoundScheme) ? BoundScheme.Length
            : 0;
        if (schemeLength == 0)
        {
            return false;
        }

        var token = value[(schemeLength + 1)..].TrimStart(' ');
        if (token.IsEmpty || token.ContainsAny(" \t,="))
        {
            return false;
        }

        tokenText = token;
        return true;
    }

    private static bool StartsWithScheme(ReadOnlySpan<char> value, string scheme) =>
        value.Length > scheme.Length && Ascii.EqualsIgnoreCase(value[..scheme.Length], scheme) && value[scheme.Length] == ' ';
}
