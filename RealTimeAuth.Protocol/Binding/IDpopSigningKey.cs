namespace RealTimeAuth.Protocol.Binding;

/// <summary>
/// An Ed25519 key that signs DPoP proofs without giving out its private half: NSec in process (see
/// <see cref="DpopProofWriter(NSec.Cryptography.Key, TimeProvider)"/>), or a key held elsewhere (a hardware module, an
/// agent's key service). Implementations are thread-safe.
/// </summary>
public interface IDpopSigningKey
{
    /// <summary>The raw 32-byte Ed25519 public key (RFC 8032).</summary>
    ReadOnlySpan<byte> PublicKey { get; }

    /// <summary>Writes the 64-byte Ed25519 signature of <paramref name="data"/> into <paramref name="signature"/>.</summary>
    void Sign(ReadOnlySpan<byte> data, Span<byte> signature);
}
