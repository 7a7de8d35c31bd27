using System.Buffers;
using System.Text;

namespace RealTimeAuth.Protocol.Binding;

/// <summary>The rules on a DPoP proof's claims (RFC 9449 §4.2, §4.3) that the request alone decides.</summary>
internal static class DpopClaimRules
{
    private const int StackLimit = 512;

    // RFC 9449 §4.3 item 3: every required claim is present. An empty jti could not tell one proof from another.
    public static string? CheckRequired(in DpopClaims claims) =>
        !claims.Jti.IsString || claims.Jti.Utf8.IsEmpty ? DpopRejectionReasons.MissingJti
        : !claims.Htm.IsString ? DpopRejectionReasons.MissingHtm
        : !claims.Htu.IsString ? DpopRejectionReasons.MissingHtu
        : !claims.HasIssuedAt ? DpopRejectionReasons.MissingIat
        : null;

    // RFC 9449 §4.3 item 8; RFC 9110 §9.1: methods are case-sensitive.
    public static string? CheckMethod(in DpopClaims claims, string method) =>
        Ascii.Equals(claims.Htm.Utf8, method) ? null : DpopRejectionReasons.WrongMethod;

    // RFC 9449 §4.3 item 9, normalised as HttpTargetUri describes.
    public static string? CheckUri(in DpopClaims claims, string requestUri)
    {
        var utf8 = claims.Htu.Utf8;
        char[]? rented = null;
        var text = utf8.Length <= StackLimit ? stackalloc char[StackLimit] : (rented = ArrayPool<char>.Shared.Rent(utf8.Length));
        try
        {
            // The claims were checked to be valid UTF-8 before they were read.
            var length = Encoding.UTF8.GetChars(utf8, text);
            return HttpTargetUri.Matches(text[..length], requestUri) ? null : DpopRejectionReasons.WrongUri;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<char>.Shared.Return(rented);
            }
        }
    }

    // RFC 9449 §4.3 item 11 and §11.1: both bounds inclusive, as for RTATokens.
    public static string? CheckIssuedAt(in DpopClaims claims, DateTimeOffset now, TimeSpan freshnessWindow, TimeSpan clockSkew)
    {
        var aheadMilliseconds = (claims.IssuedAtSeconds * 1000.0) - now.ToUnixTimeMilliseconds();
        return aheadMilliseconds > clockSkew.TotalMilliseconds ? DpopRejectionReasons.FutureProof
            : -aheadMilliseconds > freshnessWindow.TotalMilliseconds ? DpopRejectionReasons.StaleProof
            : null;
    }
}
