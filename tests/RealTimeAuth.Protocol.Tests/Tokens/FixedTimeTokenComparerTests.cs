using RealTimeAuth.Protocol.Tokens;

namespace RealTimeAuth.Protocol.Tests.Tokens;

public sealed class FixedTimeTokenComparerTests
{
    [Fact]
    public void Equals_IdenticalTokens_IsTrue()
    {
        var token = Enumerable.Range(0, 128).Select(static i => (byte)i).ToArray();

        Assert.True(FixedTimeTokenComparer.Equals(token, token.ToArray()));
    }

    [Fact]
    public void Equals_AnySingleBitDifferent_IsFalse()
    {
        var token = Enumerable.Range(0, 128).Select(static i => (byte)(i * 7)).ToArray();
        for (var bit = 0; bit < 1024; bit++)
        {
            var other = token.ToArray();
            other[bit / 8] ^= (byte)(1 << (bit % 8));

            Assert.False(FixedTimeTokenComparer.Equals(token, other), $"bit {bit}");
        }
    }

    [Theory]
    [InlineData(0)]
    [InlineData(127)]
    [InlineData(129)]
    public void Equals_WrongLength_IsFalse(int length) =>
        Assert.False(FixedTimeTokenComparer.Equals(new byte[length], new byte[length]));
}
