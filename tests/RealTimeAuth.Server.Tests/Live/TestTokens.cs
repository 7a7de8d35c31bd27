using RealTimeAuth.Protocol.Tokens;

namespace RealTimeAuth.Server.Tests.Live;

internal static class TestTokens
{
    /// <summary>The same token with one signature byte flipped.</summary>
    public static string Forge(string token)
    {
        var bytes = new byte[RtaTokenLayout.Length];
        Assert.True(RtaTokenText.TryDecode(token, bytes));
        bytes[RtaTokenLayout.SignatureOffset + 7] ^= 0x01;
        return RtaTokenText.Encode(bytes);
    }
}
