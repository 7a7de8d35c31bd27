using RealTimeAuth.Protocol.Tokens;

namespace RealTimeAuth.Protocol.Tests.Tokens;

public sealed class RtaContextHashTests
{
    [Fact]
    public void Compute_KnownInput_MatchesSha256Vector() =>
        Assert.Equal(
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
            RtaContextHash.Compute("abc"u8).ToString());

    [Fact]
    public void Equality_DifferentLastByte_IsFalse()
    {
        var bytes = new byte[32];
        var a = new RtaContextHash(bytes);
        bytes[31] = 1;
        var b = new RtaContextHash(bytes);

        Assert.NotEqual(a, b);
        Assert.True(a != b);
        Assert.Equal(a, new RtaContextHash(new byte[32]));
    }

    [Fact]
    public void Constructor_WrongLength_Throws() =>
        Assert.Throws<ArgumentException>(() => new RtaContextHash(new byte[31]));
}
