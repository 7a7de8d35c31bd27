using System.Security.Cryptography;
using System.Text;

namespace RealTimeAuth.Server.Events;

/// <summary>
/// Authenticates announcements between replicas with HMAC-SHA256 under a key derived (HKDF-SHA256, its own label) from
/// the shared secret every replica already holds, <c>SigningKeys:EncryptionKey</c>: no new secret to manage, and a key
/// that opens nothing else. Whoever can publish on Redis without that secret cannot make a replica act (ADR 0025).
/// </summary>
public sealed class AnnouncementKey
{
    public const int MacLength = HMACSHA256.HashSizeInBytes;

    /// <summary>The configuration key of the shared secret; the Keys module owns and validates it.</summary>
    public const string SecretKey = "SigningKeys:EncryptionKey";

    private const int MinSecretLength = 32;
    private static readonly byte[] Label = "rta-event-announcement-v1"u8.ToArray();
    private readonly byte[] _key;

    public AnnouncementKey(IConfiguration configuration)
    {
        var secret = configuration[SecretKey] ?? string.Empty;
        if (secret.Length < MinSecretLength)
        {
            // Fail closed: without the secret no announcement could be trusted.
            throw new InvalidOperationException($"Set {SecretKey} to a random secret of at least {MinSecretLength} characters.");
        }

        _key = HKDF.DeriveKey(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret), 32, info: Label);
    }

    public void Sign(ReadOnlySpan<byte> body, Span<byte> mac) => HMACSHA256.HashData(_key, body, mac);

    /// <summary>Whether <paramref name="mac"/> is this key's MAC of <paramref name="body"/>, compared in constant time.</summary>
    public bool Verify(ReadOnlySpan<byte> body, ReadOnlySpan<byte> mac)
    {
        Span<byte> expected = stackalloc byte[MacLength];
        HMACSHA256.HashData(_key, body, expected);
        return mac.Length == MacLength && CryptographicOperations.FixedTimeEquals(expected, mac);
    }
}
