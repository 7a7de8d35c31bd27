using System.Buffers.Binary;
using System.Security.Cryptography;
using RealTimeAuth.Protocol.Tokens;

namespace RealTimeAuth.Sdk.Tests.Fakes;

/// <summary>Token-shaped strings: 128 random bytes with version 1 and the given sequence in the header. Unsigned.</summary>
internal static class FakeTokens
{
    public static string Create(uint sequence)
    {
        var bytes = RandomNumberGenerator.GetBytes(RtaTokenLayout.Length);
        bytes[RtaTokenLayout.VersionOffset] = RtaTokenLayout.CurrentVersion;
        BinaryPrimitives.WriteUInt32BigEndian(bytes.AsSpan(RtaTokenLayout.SequenceOffset), sequence);
        return RtaTokenText.Encode(bytes);
    }
}
