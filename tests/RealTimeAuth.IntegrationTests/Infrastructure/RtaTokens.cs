using RealTimeAuth.Protocol.Tokens;

namespace RealTimeAuth.IntegrationTests.Infrastructure;

/// <summary>Tampering with RTATokens in their text form.</summary>
internal static class RtaTokens
{
    /// <summary>The same token with one bit flipped at <paramref name="offset"/> (default: inside the signature).</summary>
    public static string Forge(string token, int offset = RtaTokenLayout.SignatureOffset + 10)
    {
        var bytes = new byte[RtaTokenLayout.Length];
        if (!RtaTokenText.TryDecode(token, bytes))
        {
            throw new ArgumentException("Not an RTAToken.", nameof(token));
        }

        bytes[offset] ^= 0x01;
        return RtaTokenText.Encode(bytes);
    }
}
