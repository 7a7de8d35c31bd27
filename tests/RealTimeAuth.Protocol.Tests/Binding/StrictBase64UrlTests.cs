using RealTimeAuth.Protocol.Binding;

namespace RealTimeAuth.Protocol.Tests.Binding;

public sealed class StrictBase64UrlTests
{
    [Theory]
    [InlineData("", new byte[0])]
    [InlineData("AA", new byte[] { 0 })]
    [InlineData("_-8", new byte[] { 0xFF, 0xEF })]
    [InlineData("AAAA", new byte[] { 0, 0, 0 })]
    public void TryDecode_Canonical_Decodes(string text, byte[] expected)
    {
        var destination = new byte[StrictBase64Url.DecodedLength(text.Length)];

        Assert.True(StrictBase64Url.TryDecode(text, destination, out var written));
        Assert.Equal(expected, destination[..written]);
    }

    [Theory]
    [InlineData("AA==")]
    [InlineData("AA=")]
    [InlineData("A A")]
    [InlineData("AA\n")]
    [InlineData("+/8")]
    [InlineData("AAAAA")]
    [InlineData("AB")]
    [InlineData("AAB")]
    [InlineData("é")]
    public void TryDecode_NotCanonicalUnpaddedBase64Url_IsFalse(string text)
    {
        var destination = new byte[16];

        Assert.False(StrictBase64Url.TryDecode(text, destination, out _));
    }
}
