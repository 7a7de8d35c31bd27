using System.Buffers.Text;
using NSec.Cryptography;
using RealTimeAuth.Protocol.Binding;

namespace RealTimeAuth.Protocol.Tests.Binding;

public sealed class JwkThumbprintTests
{
    // RFC 8037 Appendix A.1 (private key d), A.2 (public key x) and A.3 (the thumbprint of A.2's JWK).
    private const string Rfc8037D = "nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A";
    private const string Rfc8037X = "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo";
    private const string Rfc8037Thumbprint = "kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k";

    [Fact]
    public void Compute_Rfc8037ExampleKey_IsAppendixA3Thumbprint()
    {
        Assert.Equal(Rfc8037Thumbprint, JwkThumbprint.Compute(Base64Url.DecodeFromChars(Rfc8037X)));
    }

    [Fact]
    public void Compute_Rfc8037ExamplePublicKeyObject_IsAppendixA3Thumbprint()
    {
        using var key = Key.Import(SignatureAlgorithm.Ed25519, Base64Url.DecodeFromChars(Rfc8037D), KeyBlobFormat.RawPrivateKey);

        Assert.Equal(Rfc8037X, Base64Url.EncodeToString(key.PublicKey.Export(KeyBlobFormat.RawPublicKey)));
        Assert.Equal(Rfc8037Thumbprint, JwkThumbprint.Compute(key.PublicKey));
    }

    [Fact]
    public void Compute_OneBitOfKeyChanged_DiffersAndHasThumbprintLength()
    {
        var raw = Base64Url.DecodeFromChars(Rfc8037X);
        raw[31] ^= 1;

        var thumbprint = JwkThumbprint.Compute(raw);

        Assert.NotEqual(Rfc8037Thumbprint, thumbprint);
        Assert.Equal(JwkThumbprint.Length, thumbprint.Length);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(31)]
    [InlineData(33)]
    public void Compute_KeyNot32Bytes_Throws(int length)
    {
        Assert.Throws<ArgumentException>(() => JwkThumbprint.Compute(new byte[length]));
    }

    [Fact]
    public void Compute_KeyAgreementKey_Throws()
    {
        using var key = Key.Create(KeyAgreementAlgorithm.X25519);

        Assert.Throws<ArgumentException>(() => JwkThumbprint.Compute(key.PublicKey));
    }
}
