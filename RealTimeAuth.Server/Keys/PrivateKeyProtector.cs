using System.Buffers.Binary;
using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace RealTimeAuth.Server.Keys;

/// <summary>
/// Encrypts private signing keys for storage with AES-256-GCM under the configured key; the key id
/// is bound as associated data so a blob cannot be moved to another key's row.
/// </summary>
internal sealed class PrivateKeyProtector
{
    private const int NonceLength = 12;
    private const int TagLength = 16;
    private readonly byte[] _key;

    public PrivateKeyProtector(IOptions<SigningKeyOptions> options)
    {
        var secret = options.Value.EncryptionKey ?? string.Empty;
        if (secret.Length < SigningKeyOptions.MinEncryptionKeyLength)
        {
            throw new OptionsValidationException(SigningKeyOptions.SectionName, typeof(SigningKeyOptions),
                [$"SigningKeys:EncryptionKey must be a random secret of at least {SigningKeyOptions.MinEncryptionKeyLength} characters."]);
        }

        _key = HKDF.DeriveKey(HashAlgorithmName.SHA256, System.Text.Encoding.UTF8.GetBytes(secret), 32, info: "rta-signing-key-wrap-v1"u8.ToArray());
    }

    public byte[] Protect(ushort keyId, ReadOnlySpan<byte> privateKey)
    {
        var blob = new byte[NonceLength + TagLength + privateKey.Length];
        var nonce = blob.AsSpan(0, NonceLength);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, TagLength);
        aes.Encrypt(nonce, privateKey, blob.AsSpan(NonceLength + TagLength), blob.AsSpan(NonceLength, TagLength), AssociatedData(keyId));
        return blob;
    }

    /// <exception cref="CryptographicException">The blob was altered or encrypted under another key.</exception>
    public byte[] Unprotect(ushort keyId, ReadOnlySpan<byte> blob)
    {
        if (blob.Length <= NonceLength + TagLength)
        {
            throw new CryptographicException("The protected key is too short.");
        }

        var plaintext = new byte[blob.Length - NonceLength - TagLength];
        using var aes = new AesGcm(_key, TagLength);
        aes.Decrypt(blob[..NonceLength], blob[(NonceLength + TagLength)..], blob.Slice(NonceLength, TagLength), plaintext, AssociatedData(keyId));
        return plaintext;
    }

    private static byte[] AssociatedData(ushort keyId)
    {
        var data = new byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(data, keyId);
        return data;
    }
}
