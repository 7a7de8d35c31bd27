using NSec.Cryptography;

namespace RealTimeAuth.Protocol.Binding;

/// <summary>An NSec Ed25519 key as an <see cref="IDpopSigningKey"/>. Does not own the key.</summary>
internal sealed class NsecSigningKey : IDpopSigningKey
{
    private readonly Key _key;
    private readonly byte[] _publicKey;

    public NsecSigningKey(Key key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Algorithm is not Ed25519)
        {
            throw new ArgumentException("DPoP proofs are signed with the session's Ed25519 key.", nameof(key));
        }

        _key = key;
        _publicKey = key.PublicKey.Export(KeyBlobFormat.RawPublicKey);
    }

    public ReadOnlySpan<byte> PublicKey => _publicKey;

    public void Sign(ReadOnlySpan<byte> data, Span<byte> signature) => SignatureAlgorithm.Ed25519.Sign(_key, data, signature);
}
