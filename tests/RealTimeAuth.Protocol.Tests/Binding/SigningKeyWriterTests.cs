using NSec.Cryptography;
using RealTimeAuth.Protocol.Binding;

namespace RealTimeAuth.Protocol.Tests.Binding;

/// <summary>A key held outside NSec (<see cref="IDpopSigningKey"/>) writes the same proofs an NSec key does.</summary>
public sealed class SigningKeyWriterTests
{
    [Fact]
    public void Write_WithExternalKey_ValidatesUnderItsThumbprint()
    {
        using var key = Key.Create(SignatureAlgorithm.Ed25519);
        var external = new ExternalKey(key);
        var writer = new DpopProofWriter(external, TimeProvider.System);

        var proof = writer.Write("POST", "https://rta.example/oauth/token");
        var result = DpopProofValidator.Validate(proof, new DpopProofExpectations
        {
            Method = "POST",
            Uri = "https://rta.example/oauth/token",
            Now = DateTimeOffset.UtcNow,
            FreshnessWindow = TimeSpan.FromMinutes(1),
            ClockSkew = TimeSpan.FromSeconds(5),
            JwkThumbprint = JwkThumbprint.Compute(key.PublicKey),
        });

        Assert.True(result.IsValid, result.RejectionReason);
        Assert.Equal(1, external.Signatures);
    }

    [Fact]
    public void Constructor_PublicKeyNot32Bytes_Throws()
    {
        Assert.Throws<ArgumentException>(() => new DpopProofWriter(new ShortKey(), TimeProvider.System));
    }

    private sealed class ExternalKey(Key key) : IDpopSigningKey
    {
        private readonly byte[] _publicKey = key.PublicKey.Export(KeyBlobFormat.RawPublicKey);

        public int Signatures { get; private set; }

        public ReadOnlySpan<byte> PublicKey => _publicKey;

        public void Sign(ReadOnlySpan<byte> data, Span<byte> signature)
        {
            Signatures++;
            SignatureAlgorithm.Ed25519.Sign(key, data, signature);
        }
    }

    private sealed class ShortKey : IDpopSigningKey
    {
        public ReadOnlySpan<byte> PublicKey => new byte[31];

        public void Sign(ReadOnlySpan<byte> data, Span<byte> signature) => throw new NotSupportedException();
    }
}
