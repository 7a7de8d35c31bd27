using System.Buffers.Binary;
using RealTimeAuth.Protocol.Tokens;

namespace RealTimeAuth.Protocol.Tests.Tokens;

/// <summary>Every one of the 1024 single-bit changes of a valid token must be rejected, with the reason its field implies.</summary>
public sealed class RtaTokenBitFlipTests
{
    private static readonly TimeSpan Skew = new RtaTokenValidationOptions().ClockSkew;
    private static readonly TimeSpan Window = new RtaTokenValidationOptions().FreshnessWindow;

    [Fact]
    public void Validate_AnySingleBitFlipped_IsRejectedWithFieldReason()
    {
        using var harness = new TokenTestHarness();
        var validator = harness.CreateValidator(cacheCapacity: 0);

        var counts = AssertEveryFlipRejected(harness, validator, harness.IssueToken());

        AssertAllReasonsSeen(counts);
    }

    [Fact]
    public void Validate_AnySingleBitFlippedWithCacheWarmedByOriginal_IsStillRejected()
    {
        using var harness = new TokenTestHarness();
        var validator = harness.CreateValidator(cacheCapacity: 1024);
        var token = harness.IssueToken();
        Assert.False(validator.Validate(token).FromCache);
        Assert.True(validator.Validate(token).FromCache);

        var counts = AssertEveryFlipRejected(harness, validator, token);

        AssertAllReasonsSeen(counts);
        var again = validator.Validate(token);
        Assert.True(again.IsValid);
        Assert.True(again.FromCache);
    }

    private static Dictionary<RtaTokenValidationStatus, int> AssertEveryFlipRejected(TokenTestHarness harness, RtaTokenValidator validator, byte[] token)
    {
        var counts = new Dictionary<RtaTokenValidationStatus, int>();
        var mismatches = new List<string>();
        for (var bit = 0; bit < RtaTokenLayout.Length * 8; bit++)
        {
            var flipped = (byte[])token.Clone();
            flipped[bit / 8] ^= (byte)(0x80 >> (bit % 8));
            var expected = ExpectedReason(flipped, bit / 8, harness.NowMilliseconds);

            var binary = validator.Validate(flipped);
            var text = validator.ValidateText(RtaTokenText.Encode(flipped));

            if (binary.Status != expected || text.Status != expected || binary.IsValid || text.IsValid)
            {
                mismatches.Add($"bit {bit}: expected {expected}, binary {binary.Status}, text {text.Status}");
            }

            counts[binary.Status] = counts.GetValueOrDefault(binary.Status) + 1;
        }

        Assert.Empty(mismatches);
        return counts;
    }

    private static RtaTokenValidationStatus ExpectedReason(byte[] flipped, int byteIndex, long now)
    {
        switch (byteIndex)
        {
            case RtaTokenLayout.VersionOffset:
                return RtaTokenValidationStatus.UnknownVersion;
            case RtaTokenLayout.KeyIdOffset or RtaTokenLayout.KeyIdOffset + 1:
                return RtaTokenValidationStatus.UnknownKeyId;
            case >= RtaTokenLayout.TimestampOffset and < RtaTokenLayout.TimestampOffset + 8:
                var issuedAt = BinaryPrimitives.ReadUInt64BigEndian(flipped.AsSpan(RtaTokenLayout.TimestampOffset));
                if (issuedAt > (ulong)(now + (long)Skew.TotalMilliseconds))
                {
                    return RtaTokenValidationStatus.NotYetValid;
                }

                return (long)issuedAt < now - (long)Window.TotalMilliseconds
                    ? RtaTokenValidationStatus.TooOld
                    : RtaTokenValidationStatus.BadSignature;
            default:
                return RtaTokenValidationStatus.BadSignature;
        }
    }

    private static void AssertAllReasonsSeen(Dictionary<RtaTokenValidationStatus, int> counts)
    {
        Assert.Equal(8, counts[RtaTokenValidationStatus.UnknownVersion]);
        Assert.Equal(16, counts[RtaTokenValidationStatus.UnknownKeyId]);
        Assert.True(counts[RtaTokenValidationStatus.NotYetValid] > 0);
        Assert.True(counts[RtaTokenValidationStatus.TooOld] > 0);
        Assert.True(counts[RtaTokenValidationStatus.BadSignature] >= 1024 - 8 - 16 - 64);
        Assert.Equal(1024, counts.Values.Sum());
        Assert.False(counts.ContainsKey(RtaTokenValidationStatus.Valid));
    }
}
