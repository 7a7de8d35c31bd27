using NSec.Cryptography;
using RealTimeAuth.Protocol.Binding;

namespace RealTimeAuth.Sdk.Tests.Binding;

/// <summary>A key from "elsewhere" for tests: signs with an NSec key and records its signatures and disposal.</summary>
internal sealed class RecordingKey : IDpopSigningKey, IDisposable
{
    private readonly Key _key = Key.Create(SignatureAlgorithm.Ed25519);
    private readonly byte[] _publicKey;
    private int _signatures;

    public RecordingKey() => _publicKey = _key.PublicKey.Export(KeyBlobFormat.RawPublicKey);

    public ReadOnlySpan<byte> PublicKey => _publicKey;

    public string Thumbprint => JwkThumbprint.Compute(_publicKey);

    public int Signatures => Volatile.Read(ref _signatures);

    public bool Disposed { get; private set; }

    public void Sign(ReadOnlySpan<byte> data, Span<byte> signature)
    {
        Interlocked.Increment(ref _signatures);
        SignatureAlgorithm.Ed25519.Sign(_key, data, signature);
    }

    public void Dispose()
    {
        Disposed = true;
        _key.Dispose();
    }
}
