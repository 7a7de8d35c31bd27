using System.Buffers;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace RealTimeAuth.Protocol.Binding;

/// <summary>
/// The <c>ath</c> of a DPoP proof: base64url (no padding) of the SHA-256 of the ASCII access token (RFC 9449 §4.2).
/// The SDK puts it in each proof sent with a token; the server computes it from the token it received to check it.
/// </summary>
public static class DpopAccessTokenHash
{
    /// <summary>Length of an <c>ath</c> in characters (32 bytes, base64url).</summary>
    public const int Length = 43;

    private const int StackLimit = 512;

    /// <summary>Hashes an access token, for example the 171-character text form of an RTAToken.</summary>
    /// <exception cref="ArgumentException">The token is empty or not ASCII.</exception>
    public static string Compute(ReadOnlySpan<char> accessToken)
    {
        if (accessToken.IsEmpty)
        {
            throw new ArgumentException("The access token is empty.", nameof(accessToken));
        }

        byte[]? rented = null;
        var ascii = accessToken.Length <= StackLimit
            ? stackalloc byte[StackLimit]
            : (rented = ArrayPool<byte>.Shared.Rent(accessToken.Length));
        try
        {
            if (Ascii.FromUtf16(accessToken, ascii, out var written) != OperationStatus.Done)
            {
                throw new ArgumentException("An access token is ASCII (RFC 6750 §2.1).", nameof(accessToken));
            }

            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(ascii[..written], hash);
            return Base64Url.EncodeToString(hash);
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
