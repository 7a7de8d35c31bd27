using System.Buffers.Text;
using System.Security.Cryptography;

namespace RealTimeAuth.Sdk.Exchange;

/// <summary>The one-time <c>nonce</c> of an exchange request: 128 random bits, unpadded base64url.</summary>
internal static class RtaNonce
{
    public static string Create()
    {
        Span<byte> bytes = stackalloc byte[16];
        RandomNumberGenerator.Fill(bytes);
        return Base64Url.EncodeToString(bytes);
    }
}
