using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace RealTimeAuth.Protocol.Binding;

/// <summary>The rules that tie a DPoP proof to server state: the access token it comes with, the server's nonce, the bound key.</summary>
internal static class DpopBindingRules
{
    private const int StackLimit = 256;

    // RFC 9449 §4.3 item 12 and §7: a proof sent with an access token carries that token's hash.
    public static string? CheckAccessTokenHash(in DpopClaims claims, string? expected) =>
        expected is null ? null
        : !claims.Ath.IsPresent ? DpopRejectionReasons.MissingAth
        : claims.Ath.IsString && FixedTimeEquals(claims.Ath.Utf8, expected) ? null
        : DpopRejectionReasons.WrongAth;

    // RFC 9449 §4.3 item 10 and §8.
    public static string? CheckNonce(in DpopClaims claims, string? expected) =>
        expected is null ? null
        : !claims.Nonce.IsPresent ? DpopRejectionReasons.NonceRequired
        : claims.Nonce.IsString && FixedTimeEquals(claims.Nonce.Utf8, expected) ? null
        : DpopRejectionReasons.WrongNonce;

    // RFC 9449 §4.3 item 12: the key that signed the proof is the key the session or token is bound to.
    public static string? CheckKey(ReadOnlySpan<char> thumbprint, string? expected) =>
        expected is null || thumbprint.SequenceEqual(expected) ? null : DpopRejectionReasons.WrongKey;

    // Lengths are not secret; the content comparison does not reveal how many leading bytes matched.
    private static bool FixedTimeEquals(ReadOnlySpan<byte> actual, string expected)
    {
        if (Encoding.UTF8.GetByteCount(expected) != actual.Length)
        {
            return false;
        }

        byte[]? rented = null;
        var expectedUtf8 = actual.Length <= StackLimit ? stackalloc byte[StackLimit] : (rented = ArrayPool<byte>.Shared.Rent(actual.Length));
        try
        {
            Encoding.UTF8.GetBytes(expected, expectedUtf8);
            return CryptographicOperations.FixedTimeEquals(actual, expectedUtf8[..actual.Length]);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}
