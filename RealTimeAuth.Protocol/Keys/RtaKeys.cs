using NSec.Cryptography;

namespace RealTimeAuth.Protocol.Keys;

/// <summary>Creates, imports and exports the Ed25519 keys that sign RTATokens, as raw 32-byte blobs.</summary>
public static class RtaKeys
{
    /// <summary>Length of a raw Ed25519 private key (the seed).</summary>
    public const int PrivateKeyLength = 32;

    /// <summary>Length of a raw Ed25519 public key.</summary>
    public const int PublicKeyLength = 32;

    // Plaintext export is allowed on purpose: every server replica must sign with the same key and
    // the key must survive a restart, so the server persists it (protected at rest by the server's
    // storage, never logged). NSec's default policy would make the key unexportable.
    private static KeyCreationParameters Exportable => new() { ExportPolicy = KeyExportPolicies.AllowPlaintextExport };

    /// <summary>Generates a new exportable Ed25519 signing key. The caller owns and disposes it.</summary>
    public static Key GenerateSigningKey()
    {
        var parameters = Exportable;
        return Key.Create(SignatureAlgorithm.Ed25519, parameters);
    }

    /// <summary>Imports a signing key from its raw 32-byte private key. The caller owns and disposes it.</summary>
    /// <exception cref="ArgumentException">The blob is not a raw Ed25519 private key.</exception>
    public static Key ImportSigningKey(ReadOnlySpan<byte> rawPrivateKey)
    {
        var parameters = Exportable;
        if (rawPrivateKey.Length != PrivateKeyLength
            || !Key.TryImport(SignatureAlgorithm.Ed25519, rawPrivateKey, KeyBlobFormat.RawPrivateKey, out var key, parameters))
        {
            throw new ArgumentException($"Expected a raw Ed25519 private key of {PrivateKeyLength} bytes.", nameof(rawPrivateKey));
        }

        return key!;
    }

    /// <summary>Exports the raw 32-byte private key. Treat the result as a secret and clear it after use.</summary>
    /// <exception cref="ArgumentException">The key is not an Ed25519 key.</exception>
    /// <exception cref="InvalidOperationException">The key was created without plaintext export.</exception>
    public static byte[] ExportSigningKey(Key key)
    {
        ThrowIfNotEd25519(key?.Algorithm, nameof(key));
        return key!.Export(KeyBlobFormat.RawPrivateKey);
    }

    /// <summary>Imports a verification key from its raw 32-byte public key.</summary>
    /// <exception cref="ArgumentException">The blob is not a raw Ed25519 public key.</exception>
    public static PublicKey ImportVerificationKey(ReadOnlySpan<byte> rawPublicKey)
    {
        if (rawPublicKey.Length != PublicKeyLength
            || !PublicKey.TryImport(SignatureAlgorithm.Ed25519, rawPublicKey, KeyBlobFormat.RawPublicKey, out var publicKey))
        {
            throw new ArgumentException($"Expected a raw Ed25519 public key of {PublicKeyLength} bytes.", nameof(rawPublicKey));
        }

        return publicKey!;
    }

    /// <summary>Exports the raw 32-byte public key.</summary>
    /// <exception cref="ArgumentException">The key is not an Ed25519 key.</exception>
    public static byte[] ExportVerificationKey(PublicKey publicKey)
    {
        ThrowIfNotEd25519(publicKey?.Algorithm, nameof(publicKey));
        return publicKey!.Export(KeyBlobFormat.RawPublicKey);
    }

    internal static void ThrowIfNotEd25519(Algorithm? algorithm, string paramName)
    {
        if (algorithm is null)
        {
            throw new ArgumentNullException(paramName);
        }

        if (algorithm is not Ed25519)
        {
            throw new ArgumentException("RTATokens use Ed25519 keys.", paramName);
        }
    }
}
