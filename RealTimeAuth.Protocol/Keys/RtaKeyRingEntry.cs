using NSec.Cryptography;

namespace RealTimeAuth.Protocol.Keys;

/// <summary>One key in an <see cref="RtaKeyRing"/>: its id, its public key, and the private key if this ring may sign with it.</summary>
public sealed class RtaKeyRingEntry
{
    internal RtaKeyRingEntry(ushort keyId, PublicKey publicKey, Key? signingKey)
    {
        KeyId = keyId;
        PublicKey = publicKey;
        SigningKey = signingKey;
    }

    /// <summary>The id written into bytes 2–3 of every token this key signs.</summary>
    public ushort KeyId { get; }

    /// <summary>The Ed25519 public key that verifies tokens carrying <see cref="KeyId"/>.</summary>
    public PublicKey PublicKey { get; }

    /// <summary>True for the active signing key; false for a verify-only entry.</summary>
    public bool CanSign => SigningKey is not null;

    internal Key? SigningKey { get; }

    internal RtaKeyRingEntry ToVerifyOnly() => SigningKey is null ? this : new RtaKeyRingEntry(KeyId, PublicKey, null);
}
