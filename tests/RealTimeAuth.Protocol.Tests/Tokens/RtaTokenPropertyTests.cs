using CsCheck;
using Microsoft.Extensions.Time.Testing;
using RealTimeAuth.Protocol.Keys;
using RealTimeAuth.Protocol.Tokens;

namespace RealTimeAuth.Protocol.Tests.Tokens;

public sealed class RtaTokenPropertyTests
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    [Fact]
    public void SignAndValidate_RandomKeyAndFields_RoundTripsInEveryForm() =>
        Gen.Select(Gen.Byte.Array[32], Gen.UShort, Gen.Byte.Array[16], Gen.UInt, Gen.Byte.Array[32], Gen.Byte, Gen.Long[-300_000, 30_000])
            .Sample(static (seed, keyId, session, sequence, hash, flags, offset) =>
            {
                var time = new FakeTimeProvider(TokenTestHarness.Start);
                using var ring = new RtaKeyRing();
                ring.Rotate(keyId, RtaKeys.ImportSigningKey(seed));
                var claims = new RtaTokenClaims(
                    new Guid(session, bigEndian: true),
                    sequence,
                    new RtaContextHash(hash),
                    time.GetUtcNow().ToUnixTimeMilliseconds() + offset,
                    flags);
                var validator = new RtaTokenValidator(ring, time);

                var token = new RtaTokenIssuer(ring, time).Issue(claims);
                var fromBytes = validator.Validate(token);
                var fromText = validator.ValidateText(RtaTokenText.Encode(token));
                var fromHeader = validator.ValidateAuthorizationHeader(RtaAuthorizationHeader.Format(token));

                foreach (var result in new[] { fromBytes, fromText, fromHeader })
                {
                    Assert.Equal(RtaTokenValidationStatus.Valid, result.Status);
                    Assert.Equal(claims, result.Claims);
                    Assert.Equal(keyId, result.KeyId);
                }

                Assert.True(fromText.FromCache);
                Assert.Equal(session, token[8..24]);
                Assert.Equal(hash, token[24..56]);
            }, iter: 200);

    [Fact]
    public void Validate_RandomBytesOfAnyLength_NeverThrowsNorValidates()
    {
        using var harness = new TokenTestHarness();
        var validator = harness.CreateValidator(cacheCapacity: 64);

        Gen.Byte.Array[0, 300].Sample(bytes => Assert.False(validator.Validate(bytes).IsValid), iter: 2_000);
    }

    [Fact]
    public void Validate_RandomBodyWithValidHeaderAndTime_IsBadSignature()
    {
        using var harness = new TokenTestHarness();
        var validator = harness.CreateValidator(cacheCapacity: 64);
        var template = harness.IssueToken();

        Gen.Byte.Array[120].Sample(random =>
        {
            var token = (byte[])template.Clone();
            random.AsSpan(0, 4).CopyTo(token.AsSpan(RtaTokenLayout.SequenceOffset));
            random.AsSpan(4, 48).CopyTo(token.AsSpan(RtaTokenLayout.SessionIdOffset));
            random.AsSpan(56, 64).CopyTo(token.AsSpan(RtaTokenLayout.SignatureOffset));

            Assert.Equal(RtaTokenValidationStatus.BadSignature, validator.Validate(token).Status);
        }, iter: 300);
    }

    [Fact]
    public void ValidateText_RandomStrings_NeverThrowNorValidate()
    {
        using var harness = new TokenTestHarness();
        var validator = harness.CreateValidator(cacheCapacity: 64);
        var anyChars = Gen.String[0, 400];
        var alphabetOnly = Gen.Char[Alphabet].Array[171].Select(static chars => new string(chars));

        Gen.OneOf(anyChars, alphabetOnly).Sample(text =>
        {
            Assert.False(validator.ValidateText(text).IsValid);
            Assert.False(validator.ValidateAuthorizationHeader(text).IsValid);
            Assert.False(validator.ValidateAuthorizationHeader("RTA " + text).IsValid);
        }, iter: 2_000);
    }
}
