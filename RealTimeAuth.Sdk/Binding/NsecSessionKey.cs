using NSec.Cryptography;
using RealTimeAuth.Protocol.Binding;

namespace RealTimeAuth.Sdk.Binding;

/// <summary>
/// A session key held in this process: an NSec Ed25519 key created with the default policy, so its private half can
/// be neither exported nor serialised, only used to sign. Owned, and disposed with its session.
/// </summary>
internal sealed class NsecSessionKey : IDpopSigningKey, IDisposable
{
    private readonly byte[] _publicKey;

    public NsecSessionKey()
    {
        Key = Key.Create(SignatureAlgorithm.Ed25519);
        _publicKey = Key.PublicKey.Export(KeyBlobFormat.RawPublicKey);
    }

    /// <summary>The NSec key, for tests that check its export policy.</summary>
    internal Key Key { get; }

    public ReadOnlySpan<byte> PublicKey => _publicKey;

    public void Sign(ReadOnlySpan<byte> data, Span<byte> signature) => SignatureAlgorithm.Ed25519.Sign(Key, data, signature);

    public void Dispose() => Key.Dispose();
}
