namespace RealTimeAuth.Server.Data;

/// <summary>An Ed25519 key that signs or verified RTATokens, shared by all replicas.</summary>
public sealed class SigningKeyEntity
{
    /// <summary>The 16-bit key id carried in the token header.</summary>
    public int KeyId { get; set; }

    /// <summary>Raw 32-byte Ed25519 public key.</summary>
    public required byte[] PublicKey { get; set; }

    /// <summary>The Ed25519 private key, AES-GCM encrypted under SigningKeys:EncryptionKey; null once removed.</summary>
    public byte[]? PrivateKey { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the key became the active signing key.</summary>
    public DateTimeOffset? ActivatedAt { get; set; }

    /// <summary>When the key stopped signing; it still verifies until <see cref="RemovedAt"/>.</summary>
    public DateTimeOffset? RetiredAt { get; set; }

    /// <summary>When the key stopped verifying.</summary>
    public DateTimeOffset? RemovedAt { get; set; }
}
