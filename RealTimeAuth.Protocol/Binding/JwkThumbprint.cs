using System.Buffers.Text;
using System.Security.Cryptography;
using NSec.Cryptography;

namespace RealTimeAuth.Protocol.Binding;

/// <summary>
/// The RFC 7638 SHA-256 thumbprint of an Ed25519 public key, base64url without padding: the <c>cnf.jkt</c> a session
/// is bound to. The hashed JWK is <c>{"crv":"Ed25519","kty":"OKP","x":"…"}</c>: the required members of an OKP key
/// (RFC 8037 §2) in lexicographic order, without whitespace (RFC 7638 §3.2, §3.3).
/// </summary>
public static class JwkThumbprint
{
    /// <summary>Length of a thumbprint in characters (32 bytes, base64url).</summary>
    public const int Length = 43;

    internal const int PublicKeyLength = 32;

    private const int EncodedKeyLength = 43;

    private static ReadOnlySpan<byte> Prefix => "{\"crv\":\"Ed25519\",\"kty\":\"OKP\",\"x\":\""u8;

    private static ReadOnlySpan<byte> Suffix => "\"}"u8;

    /// <summary>Computes the thumbprint of an Ed25519 public key.</summary>
    /// <exception cref="ArgumentException">The key is not an Ed25519 key.</exception>
    public static string Compute(PublicKey publicKey)
    {
        ArgumentNullException.ThrowIfNull(publicKey);
        if (publicKey.Algorithm is not Ed25519)
        {
            throw new ArgumentException("Only Ed25519 keys are bound.", nameof(publicKey));
        }

        Span<byte> raw = stackalloc byte[PublicKeyLength];
        publicKey.TryExport(KeyBlobFormat.RawPublicKey, raw, out _);
        return Compute(raw);
    }

    /// <summary>Computes the thumbprint of a raw 32-byte Ed25519 public key.</summary>
    /// <exception cref="ArgumentException">The key is not 32 bytes long.</exception>
    public static string Compute(ReadOnlySpan<byte> rawPublicKey)
    {
        if (rawPublicKey.Length != PublicKeyLength)
        {
            throw new ArgumentException($"An Ed25519 public key is {PublicKeyLength} bytes.", nameof(rawPublicKey));
        }

        Span<char> thumbprint = stackalloc char[Length];
        Write(rawPublicKey, thumbprint);
        return new string(thumbprint);
    }

    /// <summary>Writes the 43-character thumbprint of a raw 32-byte key into <paramref name="destination"/>; allocates nothing.</summary>
    internal static void Write(ReadOnlySpan<byte> rawPublicKey, Span<char> destination)
    {
        Span<byte> jwk = stackalloc byte[Prefix.Length + EncodedKeyLength + Suffix.Length];
        Prefix.CopyTo(jwk);
        Base64Url.EncodeToUtf8(rawPublicKey, jwk[Prefix.Length..]);
        Suffix.CopyTo(jwk[(Prefix.Length + EncodedKeyLength)..]);

        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(jwk, hash);
        Base64Url.EncodeToChars(hash, destination);
    }
}
