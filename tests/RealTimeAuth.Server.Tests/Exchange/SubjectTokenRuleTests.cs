using Microsoft.IdentityModel.Tokens;
using RealTimeAuth.Server.Exchange;
using RealTimeAuth.Server.Exchange.Validation;

namespace RealTimeAuth.Server.Tests.Exchange;

/// <summary>The subject-token rules alone, on values rather than tokens.</summary>
public sealed class SubjectTokenRuleTests
{
    private static readonly DateTime Now = new(2026, 11, 28, 12, 0, 0, DateTimeKind.Utc);

    private static readonly TrustedIssuerOptions Jwt = new() { Issuer = "https://idp.test/", Audience = "rta-server" };

    private static readonly TrustedIssuerOptions Introspecting =
        new() { Issuer = "https://opaque.test", Audience = "rta-server", Validation = SubjectTokenValidation.Introspection };

    [Fact]
    public void Size_AtTheLimit_Passes() => Assert.Null(SubjectTokenSizeRule.Check(new string('a', SubjectTokenSizeRule.MaxLength)));

    [Fact]
    public void Size_OverTheLimit_IsSubjectTokenTooLarge() =>
        AssertInvalid(SubjectTokenSizeRule.Check(new string('a', SubjectTokenSizeRule.MaxLength + 1)), ExchangeRejectionReasons.SubjectTokenTooLarge);

    [Theory]
    [InlineData("opaque-token", true)]
    [InlineData("opaque-token", false)]
    public void TrustedIssuer_OpaqueToken_OnlyASingleIntrospectingIssuerIsAsked(string token, bool introspectingIssuerConfigured)
    {
        var issuers = introspectingIssuerConfigured ? new[] { Jwt, Introspecting } : [Jwt];

        var (issuer, rejection) = TrustedIssuerRule.Find(token, issuers);

        if (introspectingIssuerConfigured)
        {
            Assert.Same(Introspecting, issuer);
        }
        else
        {
            AssertInvalid(rejection, ExchangeRejectionReasons.UntrustedIssuer);
        }
    }

    [Fact]
    public void TrustedIssuer_OpaqueTokenWithTwoIntrospectingIssuers_IsUntrustedIssuer()
    {
        var other = new TrustedIssuerOptions { Issuer = "https://other.test", Audience = "rta-server", Validation = SubjectTokenValidation.Introspection };

        AssertInvalid(TrustedIssuerRule.Find("opaque-token", [Introspecting, other]).Rejection, ExchangeRejectionReasons.UntrustedIssuer);
    }

    [Theory]
    [InlineData("https://idp.test", null)]
    [InlineData("https://opaque.test/", null)]
    [InlineData("https://opaque.test.evil", ExchangeRejectionReasons.UntrustedIssuer)]
    [InlineData("https://OPAQUE.test", ExchangeRejectionReasons.UntrustedIssuer)]
    public void TrustedIssuer_IntrospectedIss_MustNameTheIssuerAsked(string iss, string? reason)
    {
        var rejection = TrustedIssuerRule.CheckIntrospected(iss == "https://idp.test" ? Jwt : Introspecting, iss);

        if (reason is null)
        {
            Assert.Null(rejection);
        }
        else
        {
            AssertInvalid(rejection, reason);
        }
    }

    [Fact]
    public void Active_False_IsTokenInactive()
    {
        Assert.Null(ActiveRule.Check(active: true));
        AssertInvalid(ActiveRule.Check(active: false), ExchangeRejectionReasons.TokenInactive);
    }

    [Fact]
    public void Audience_IntrospectedForAnotherAudience_IsWrongAudience()
    {
        Assert.Null(AudienceRule.CheckIntrospected(Jwt, [new("aud", "other"), new("aud", "rta-server")]));
        AssertInvalid(AudienceRule.CheckIntrospected(Jwt, [new("aud", "other")]), ExchangeRejectionReasons.WrongAudience);
    }

    [Theory]
    [InlineData(-30, null, true)]
    [InlineData(-31, null, false)]
    [InlineData(60, 30, true)]
    [InlineData(60, 31, false)]
    public void Lifetime_Jwt_AllowsTheClockSkewOnBothEnds(int expiresInSeconds, int? notBeforeInSeconds, bool current) =>
        Assert.Equal(current, LifetimeRule.IsCurrent(
            notBeforeInSeconds is { } nbf ? Now.AddSeconds(nbf) : null, Now.AddSeconds(expiresInSeconds), Now));

    [Fact]
    public void Lifetime_JwtWithoutExpiry_IsNotCurrent() => Assert.False(LifetimeRule.IsCurrent(null, null, Now));

    [Fact]
    public void Lifetime_IntrospectedExpiry_IsOptionalButHonoured()
    {
        var now = new DateTimeOffset(Now);

        Assert.Null(LifetimeRule.CheckIntrospected(null, now));
        Assert.Null(LifetimeRule.CheckIntrospected(now.AddSeconds(-30).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), now));
        AssertInvalid(LifetimeRule.CheckIntrospected(now.AddSeconds(-31).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), now),
            ExchangeRejectionReasons.TokenExpired);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void Subject_Missing_IsSubjectMissing(string? subject) =>
        AssertInvalid(SubjectRule.Check(Jwt, subject, null, []), ExchangeRejectionReasons.SubjectMissing);

    public static TheoryData<Exception?, string> HandlerFailures => new()
    {
        { new SecurityTokenInvalidSignatureException(), ExchangeRejectionReasons.BadSignature },
        { new SecurityTokenSignatureKeyNotFoundException(), ExchangeRejectionReasons.BadSignature },
        { new SecurityTokenExpiredException(), ExchangeRejectionReasons.TokenExpired },
        { new SecurityTokenInvalidLifetimeException(), ExchangeRejectionReasons.TokenExpired },
        { new SecurityTokenInvalidAudienceException(), ExchangeRejectionReasons.WrongAudience },
        { new SecurityTokenInvalidIssuerException(), ExchangeRejectionReasons.UntrustedIssuer },
        { new SecurityTokenInvalidTypeException(), ExchangeRejectionReasons.NotAccessToken },
        { new SecurityTokenMalformedException(), ExchangeRejectionReasons.TokenInvalid },
        { null, ExchangeRejectionReasons.TokenInvalid },
    };

    [Theory]
    [MemberData(nameof(HandlerFailures))]
    public void JwtFailure_HandlerException_IsTheRulesCode(Exception? exception, string reason) =>
        AssertInvalid(JwtFailureRule.Check(exception), reason);

    [Theory]
    [InlineData(typeof(HttpRequestException))]
    [InlineData(typeof(InvalidOperationException))]
    public void JwtFailure_MetadataNotFetched_IsIssuerMetadataUnavailable(Type inner)
    {
        var exception = new SecurityTokenException("metadata", (Exception)Activator.CreateInstance(inner)!);

        var result = JwtFailureRule.Check(exception);

        Assert.Equal((SubjectTokenOutcome.IssuerUnavailable, ExchangeRejectionReasons.IssuerMetadataUnavailable), (result.Outcome, result.Reason));
    }

    private static void AssertInvalid(SubjectTokenResult? result, string reason)
    {
        Assert.NotNull(result);
        Assert.Equal((SubjectTokenOutcome.Invalid, reason), (result.Outcome, result.Reason));
    }
}
