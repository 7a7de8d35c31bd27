using NSec.Cryptography;
using RealTimeAuth.Protocol.Keys;

namespace RealTimeAuth.Protocol.Tests.Keys;

public sealed class RtaKeysTests
{
    [Fact]
    public void ExportSigningKey_ThenImport_GivesSameKeyPair()
    {
        using var key = RtaKeys.GenerateSigningKey();

        var raw = RtaKeys.ExportSigningKey(key);
        using var imported = RtaKeys.ImportSigningKey(raw);

        Assert.Equal(RtaKeys.PrivateKeyLength, raw.Length);
        Assert.Equal(key.PublicKey, imported.PublicKey);
        var signature = SignatureAlgorithm.Ed25519.Sign(imported, "m"u8);
        Assert.True(SignatureAlgorithm.Ed25519.Verify(key.PublicKey, "m"u8, signature));
    }

    [Fact]
    public void ImportSigningKey_IsExportableAgain()
    {
        using var imported = RtaKeys.ImportSigningKey(new byte[32]);

        Assert.Equal(new byte[32], RtaKeys.ExportSigningKey(imported));
    }

    [Fact]
    public void ExportVerificationKey_ThenImport_GivesEqualPublicKey()
    {
        using var key = RtaKeys.GenerateSigningKey();

        var raw = RtaKeys.ExportVerificationKey(key.PublicKey);

        Assert.Equal(RtaKeys.PublicKeyLength, raw.Length);
        Assert.Equal(key.PublicKey, RtaKeys.ImportVerificationKey(raw));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(31)]
    [InlineData(33)]
    [InlineData(64)]
    public void Import_WrongLength_ThrowsArgumentException(int length)
    {
        Assert.Throws<ArgumentException>(() => RtaKeys.ImportSigningKey(new byte[length]));
        Assert.Throws<ArgumentException>(() => RtaKeys.ImportVerificationKey(new byte[length]));
    }

    [Fact]
    public void ExportSigningKey_KeyWithoutExportPolicy_Throws()
    {
        using var key = Key.Create(SignatureAlgorithm.Ed25519);

        Assert.ThrowsAny<InvalidOperationException>(() => RtaKeys.ExportSigningKey(key));
    }
}
