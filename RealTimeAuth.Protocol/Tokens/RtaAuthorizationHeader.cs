using System.Text;

namespace RealTimeAuth.Protocol.Tokens;

/// <summary>The <c>Authorization: RTA &lt;token&gt;</c> header value.</summary>
public static class RtaAuthorizationHeader
{
    /// <summary>The authentication scheme name.</summary>
    public const string Scheme = "RTA";

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
        if (value.Length <= Scheme.Length
            || !Ascii.EqualsIgnoreCase(value[..Scheme.Length], Scheme)
            || value[Scheme.Length] != ' ')
        {
            return false;
        }

        var token = value[(Scheme.Length + 1)..].TrimStart(' ');
        if (token.IsEmpty || token.ContainsAny(" \t,="))
        {
            return false;
        }

        tokenText = token;
        return true;
    }
}
