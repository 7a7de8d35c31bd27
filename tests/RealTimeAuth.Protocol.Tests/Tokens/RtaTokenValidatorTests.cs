using RealTimeAuth.Protocol.Tokens;

namespace RealTimeAuth.Protocol.Tests.Tokens;

public sealed class RtaTokenValidatorTests
{
    private const long SkewMs = 60_000; // the default ClockSkew (ADR 0022)
    private const long WindowMs = 300_000;

    [Fact]
    public void Validate_FreshToken_IsValidWithClaims()
    {
        using var harness = new TokenTestHarness();
        var validator = harness.CreateValidator();

        var result = validator.Validate(harness.IssueToken(sequence: 7));

        Assert.Equal(RtaTokenValidationStatus.Valid, result.Status);
        Assert.True(result.IsValid);
        Assert.False(result.FromCache);
        Assert.Equal(TokenTestHarness.KeyId, result.KeyId);
        Assert.Equal(new RtaTokenClaims(TokenTestHarness.SessionId, 7, TokenTestHarness.ContextHash, harness.NowMilliseconds), result.Claims);
    }

    [Fact]
    public void Validate_SameTokenTwiceWithCache_SecondAnswersFromCache()
    {
        using var harness = new TokenTestHarness();
        var validator = harness.CreateValidator(cacheCapacity: 16);
        var token = harness.IssueToken();

        var first = validator.Validate(token);
        var second = validator.Validate(token);

        Assert.True(first.IsValid);
        Assert.False(first.FromCache);
        Assert.True(second.IsValid);
        Assert.True(second.FromCache);
        Assert.Equal(first.Claims, second.Claims);
    }

    [Fact]
    public void Validate_CacheDisabled_NeverAnswersFromCache()
    {
        using var harness = new TokenTestHarness();
        var validator = harness.CreateValidator(cacheCapacity: 0);
        var token = harness.IssueToken();

        validator.Validate(token);

        Assert.False(validator.Validate(token).FromCache);
    }

    [Fact]
    public void Validate_DefaultOptions_UsesCache()
    {
        using var harness = new TokenTestHarness();
        var validator = new RtaTokenValidator(harness.Ring, harness.Time);
        var token = harness.IssueToken();

        validator.Validate(token);

        Assert.True(validator.Validate(token).FromCache);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(64)]
    [InlineData(127)]
    public void Validate_TruncatedToken_IsWrongLength(int length)
    {
        using var harness = new TokenTestHarness();

        var result = harness.CreateValidator().Validate(harness.IssueToken().AsSpan(0, length));

        Assert.Equal(RtaTokenValidationStatus.WrongLength, result.Status);
        Assert.Equal(default, result.Claims);
    }

    [Theory]
    [InlineData(129)]
    [InlineData(256)]
    [InlineData(65_536)]
    public void Validate_OversizedToken_IsWrongLength(int length)
    {
        using var harness = new TokenTestHarness();
        var oversized = new byte[length];
        harness.IssueToken().CopyTo(oversized, 0);

        Assert.Equal(RtaTokenValidationStatus.WrongLength, harness.CreateValidator().Validate(oversized).Status);
    }

    [Fact]
    public void Validate_NullInputs_AreRejectedWithoutThrowing()
    {
        using var harness = new TokenTestHarness();
        var validator = harness.CreateValidator(cacheCapacity: 16);

        Assert.Equal(RtaTokenValidationStatus.WrongLength, validator.Validate((byte[]?)null).Status);
        Assert.Equal(RtaTokenValidationStatus.WrongLength, validator.ValidateText((string?)null).Status);
        Assert.Equal(RtaTokenValidationStatus.InvalidAuthorizationHeader, validator.ValidateAuthorizationHeader((string?)null).Status);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    [InlineData(255)]
    public void Validate_OtherVersion_IsUnknownVersion(byte version)
    {
        using var harness = new TokenTestHarness();
        var token = harness.IssueToken();
        token[0] = version;

        Assert.Equal(RtaTokenValidationStatus.UnknownVersion, harness.CreateValidator().Validate(token).Status);
    }

    [Fact]
    public void Validate_IssuedAtExactlyClockSkewAhead_IsValid()
    {
        using var harness = new TokenTestHarness();

        var result = harness.CreateValidator().Validate(harness.IssueTokenAt(harness.NowMilliseconds + SkewMs));

        Assert.Equal(RtaTokenValidationStatus.Valid, result.Status);
    }

    [Fact]
    public void Validate_IssuedAtOneMillisecondBeyondClockSkew_IsNotYetValid()
    {
        using var harness = new TokenTestHarness();

        var result = harness.CreateValidator().Validate(harness.IssueTokenAt(harness.NowMilliseconds + SkewMs + 1));

        Assert.Equal(RtaTokenValidationStatus.NotYetValid, result.Status);
    }

    [Fact]
    public void Validate_AgeExactlyFreshnessWindow_IsValid()
    {
        using var harness = new TokenTestHarness();

        var result = harness.CreateValidator().Validate(harness.IssueTokenAt(harness.NowMilliseconds - WindowMs));

        Assert.Equal(RtaTokenValidationStatus.Valid, result.Status);
    }

    [Fact]
    public void Validate_AgeOneMillisecondBeyondFreshnessWindow_IsTooOld()
    {
        using var harness = new TokenTestHarness();

        var result = harness.CreateValidator().Validate(harness.IssueTokenAt(harness.NowMilliseconds - WindowMs - 1));

        Assert.Equal(RtaTokenValidationStatus.TooOld, result.Status);
    }

    [Fact]
    public void Validate_CachedTokenAgesPastWindow_IsTooOld()
    {
        using var harness = new TokenTestHarness();
        var validator = harness.CreateValidator(cacheCapacity: 16);
        var token = harness.IssueToken();
        validator.Validate(token);

        harness.Time.Advance(TimeSpan.FromMilliseconds(WindowMs));
        var atEdge = validator.Validate(token);
        harness.Time.Advance(TimeSpan.FromMilliseconds(1));
        var past = validator.Validate(token);

        Assert.True(atEdge.IsValid);
        Assert.True(atEdge.FromCache);
        Assert.Equal(RtaTokenValidationStatus.TooOld, past.Status);
    }

    [Fact]
    public void Validate_NotYetValidToken_BecomesValidOnceWithinSkew()
    {
        using var harness = new TokenTestHarness();
        var token = harness.IssueTokenAt(harness.NowMilliseconds + SkewMs + 1);
        var validator = harness.CreateValidator(cacheCapacity: 16);

        var early = validator.Validate(token);
        harness.Time.Advance(TimeSpan.FromMilliseconds(1));
        var inTime = validator.Validate(token);

        Assert.Equal(RtaTokenValidationStatus.NotYetValid, early.Status);
        Assert.Equal(RtaTokenValidationStatus.Valid, inTime.Status);
        Assert.False(inTime.FromCache);
    }

    [Fact]
    public void Validate_TimestampAboveInt64Range_IsNotYetValid()
    {
        using var harness = new TokenTestHarness();
        var token = harness.IssueToken();
        token.AsSpan(RtaTokenLayout.TimestampOffset, 8).Fill(0xFF);

        Assert.Equal(RtaTokenValidationStatus.NotYetValid, harness.CreateValidator().Validate(token).Status);
    }

    [Fact]
    public void Validate_TimestampZero_IsTooOld()
    {
        using var harness = new TokenTestHarness();

        Assert.Equal(RtaTokenValidationStatus.TooOld, harness.CreateValidator().Validate(harness.IssueTokenAt(0)).Status);
    }

    [Fact]
    public void Validate_CustomWindowAndSkew_AreHonoured()
    {
        using var harness = new TokenTestHarness();
        var options = new RtaTokenValidationOptions { FreshnessWindow = TimeSpan.FromSeconds(10), ClockSkew = TimeSpan.Zero };
        var validator = new RtaTokenValidator(harness.Ring, harness.Time, options);

        Assert.True(validator.Validate(harness.IssueTokenAt(harness.NowMilliseconds - 10_000)).IsValid);
        Assert.Equal(RtaTokenValidationStatus.TooOld, validator.Validate(harness.IssueTokenAt(harness.NowMilliseconds - 10_001)).Status);
        Assert.Equal(RtaTokenValidationStatus.NotYetValid, validator.Validate(harness.IssueTokenAt(harness.NowMilliseconds + 1)).Status);
    }

    [Fact]
    public void Validate_SignatureOfAnotherToken_IsBadSignature()
    {
        using var harness = new TokenTestHarness();
        var token = harness.IssueToken(sequence: 1);
        var other = harness.IssueToken(sequence: 2);
        other.AsSpan(64, 64).CopyTo(token.AsSpan(64));

        Assert.Equal(RtaTokenValidationStatus.BadSignature, harness.CreateValidator().Validate(token).Status);
    }

    [Fact]
    public void Validate_TwoTokensSharingCacheSlot_BothStayCorrect()
    {
        using var harness = new TokenTestHarness();
        var validator = harness.CreateValidator(cacheCapacity: 1);
        var first = harness.IssueToken(sequence: 1);
        var second = harness.IssueToken(sequence: 2);

        Assert.True(validator.Validate(first).IsValid);
        Assert.True(validator.Validate(second).IsValid);
        var firstAgain = validator.Validate(first);

        Assert.True(firstAgain.IsValid);
        Assert.False(firstAgain.FromCache);
        Assert.Equal(1u, firstAgain.Claims.Sequence);
    }

    [Theory]
    [InlineData(-1, 30, 4096)]
    [InlineData(0, 30, 4096)]
    [InlineData(300, -1, 4096)]
    [InlineData(300, 30, -1)]
    [InlineData(300, 30, RtaTokenValidationOptions.MaxVerifiedTokenCacheCapacity + 1)]
    public void Constructor_OptionOutOfRange_Throws(int windowSeconds, int skewSeconds, int cacheCapacity)
    {
        using var harness = new TokenTestHarness();
        var options = new RtaTokenValidationOptions
        {
            FreshnessWindow = TimeSpan.FromSeconds(windowSeconds),
            ClockSkew = TimeSpan.FromSeconds(skewSeconds),
            VerifiedTokenCacheCapacity = cacheCapacity,
        };

        Assert.Throws<ArgumentOutOfRangeException>(() => new RtaTokenValidator(harness.Ring, harness.Time, options));
    }
}
