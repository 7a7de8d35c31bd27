using System.Text.Json.Nodes;
using RealTimeAuth.Server.Exchange;
using RealTimeAuth.Server.Exchange.Validation;
using RealTimeAuth.Server.Tests.SharedSignals;

namespace RealTimeAuth.Server.Tests.Exchange;

/// <summary>Each refusal of a subject token, through the validator, carries the code of the rule that refused it.</summary>
public sealed class SubjectTokenValidatorTests : IDisposable
{
    private readonly SubjectTokenHarness _jwt = new SubjectTokenHarness().ServeIdp();

    [Fact]
    public async Task Jwt_ValidAccessToken_IsTheUsersWithItsIdpSession()
    {
        var result = await _jwt.ValidateAsync(_jwt.Key.Sign(_jwt.Claims(), typ: "at+jwt"));

        Assert.Equal((SubjectTokenOutcome.Valid, SubjectTokenHarness.Issuer, "alice", "idp-session-1"),
            (result.Outcome, result.Issuer, result.Subject, result.IdpSessionId));
        Assert.Null(result.Reason);
    }

    [Fact]
    public async Task Jwt_TooLarge_IsSubjectTokenTooLarge()
    {
        var result = await _jwt.ValidateAsync(new string('a', SubjectTokenSizeRule.MaxLength + 1));

        AssertInvalid(result, ExchangeRejectionReasons.SubjectTokenTooLarge);
    }

    [Fact]
    public async Task Jwt_FromAnotherIssuer_IsUntrustedIssuer()
    {
        var result = await _jwt.ValidateAsync(_jwt.Key.Sign(_jwt.Claims().With("iss", "https://elsewhere.test"), typ: "at+jwt"));

        AssertInvalid(result, ExchangeRejectionReasons.UntrustedIssuer);
    }

    [Fact]
    public async Task Jwt_OpaqueTokenWithoutAnIntrospectingIssuer_IsUntrustedIssuer()
    {
        var result = await _jwt.ValidateAsync("opaque-token");

        AssertInvalid(result, ExchangeRejectionReasons.UntrustedIssuer);
    }

    [Fact]
    public async Task Jwt_SignedWithAnotherKey_IsBadSignature()
    {
        using var foreign = TestSigningKey.Rs256("idp-1");

        var result = await _jwt.ValidateAsync(foreign.Sign(_jwt.Claims(), typ: "at+jwt"));

        AssertInvalid(result, ExchangeRejectionReasons.BadSignature);
    }

    [Fact]
    public async Task Jwt_SignedWithAnUnknownKeyId_IsBadSignature()
    {
        using var unknown = TestSigningKey.Rs256("unknown-kid");

        var result = await _jwt.ValidateAsync(unknown.Sign(_jwt.Claims(), typ: "at+jwt"));

        AssertInvalid(result, ExchangeRejectionReasons.BadSignature);
    }

    [Fact]
    public async Task Jwt_ExpiredBeyondTheSkew_IsTokenExpired()
    {
        var token = _jwt.Key.Sign(_jwt.Claims(), typ: "at+jwt");
        _jwt.Time.Advance(TimeSpan.FromMinutes(6));

        var result = await _jwt.ValidateAsync(token);

        AssertInvalid(result, ExchangeRejectionReasons.TokenExpired);
    }

    [Fact]
    public async Task Jwt_ForAnotherAudience_IsWrongAudience()
    {
        var result = await _jwt.ValidateAsync(_jwt.Key.Sign(_jwt.Claims().With("aud", "rta-admin-api"), typ: "at+jwt"));

        AssertInvalid(result, ExchangeRejectionReasons.WrongAudience);
    }

    [Theory]
    [InlineData("secevent+jwt")]
    [InlineData(null)]
    public async Task Jwt_NotTypedAsAccessToken_IsNotAccessToken(string? typ)
    {
        var result = await _jwt.ValidateAsync(_jwt.Key.Sign(_jwt.Claims(), typ: typ));

        AssertInvalid(result, ExchangeRejectionReasons.NotAccessToken);
    }

    [Fact]
    public async Task Jwt_WithoutSubject_IsSubjectMissing()
    {
        var result = await _jwt.ValidateAsync(_jwt.Key.Sign(_jwt.Claims().Without("sub"), typ: "at+jwt"));

        AssertInvalid(result, ExchangeRejectionReasons.SubjectMissing);
    }

    [Fact]
    public async Task Jwt_IssuerMetadataMissing_IsBadSignature()
    {
        // IdentityModel 8 logs a failed metadata fetch and validates without keys, so this is not issuer-metadata-unavailable.
        using var harness = new SubjectTokenHarness();

        var result = await harness.ValidateAsync(harness.Key.Sign(harness.Claims(), typ: "at+jwt"));

        AssertInvalid(result, ExchangeRejectionReasons.BadSignature);
    }

    [Fact]
    public async Task Introspection_ActiveToken_IsTheUsers()
    {
        using var harness = Introspecting();
        harness.ServeIdp(harness.Introspection());

        var result = await harness.ValidateAsync("opaque-token");

        Assert.Equal((SubjectTokenOutcome.Valid, "alice", "idp-session-1"), (result.Outcome, result.Subject, result.IdpSessionId));
    }

    [Fact]
    public async Task Introspection_Inactive_IsTokenInactive()
    {
        using var harness = Introspecting();
        harness.ServeIdp(new JsonObject { ["active"] = false });

        AssertInvalid(await harness.ValidateAsync("opaque-token"), ExchangeRejectionReasons.TokenInactive);
    }

    [Fact]
    public async Task Introspection_NamingAnotherIssuer_IsUntrustedIssuer()
    {
        using var harness = Introspecting();
        harness.ServeIdp(harness.Introspection().With("iss", "https://elsewhere.test"));

        AssertInvalid(await harness.ValidateAsync("opaque-token"), ExchangeRejectionReasons.UntrustedIssuer);
    }

    [Fact]
    public async Task Introspection_ForAnotherAudience_IsWrongAudience()
    {
        using var harness = Introspecting();
        harness.ServeIdp(harness.Introspection().With("aud", "rta-admin-api"));

        AssertInvalid(await harness.ValidateAsync("opaque-token"), ExchangeRejectionReasons.WrongAudience);
    }

    [Fact]
    public async Task Introspection_ExpiredBeyondTheSkew_IsTokenExpired()
    {
        using var harness = Introspecting();
        harness.ServeIdp(harness.Introspection().With("exp", harness.Time.GetUtcNow().AddMinutes(-1).ToUnixTimeSeconds()));

        AssertInvalid(await harness.ValidateAsync("opaque-token"), ExchangeRejectionReasons.TokenExpired);
    }

    [Fact]
    public async Task Introspection_WithoutSubject_IsSubjectMissing()
    {
        using var harness = Introspecting();
        harness.ServeIdp(harness.Introspection().Without("sub"));

        AssertInvalid(await harness.ValidateAsync("opaque-token"), ExchangeRejectionReasons.SubjectMissing);
    }

    [Fact]
    public async Task Introspection_EndpointAnswersAnError_IsIntrospectionFailed()
    {
        using var harness = Introspecting();
        harness.ServeIdp();

        var result = await harness.ValidateAsync("opaque-token");

        Assert.Equal((SubjectTokenOutcome.IssuerUnavailable, ExchangeRejectionReasons.IntrospectionFailed), (result.Outcome, result.Reason));
    }

    [Fact]
    public async Task Introspection_NoDiscoveryDocument_IsIssuerMetadataUnavailable()
    {
        using var harness = Introspecting();

        var result = await harness.ValidateAsync("opaque-token");

        Assert.Equal((SubjectTokenOutcome.IssuerUnavailable, ExchangeRejectionReasons.IssuerMetadataUnavailable), (result.Outcome, result.Reason));
    }

    [Fact]
    public async Task Jwt_TypedJwt_IsJwtTypeNotAllowed()
    {
        var result = await _jwt.ValidateAsync(_jwt.Key.Sign(_jwt.Claims(), typ: "JWT"));

        AssertInvalid(result, ExchangeRejectionReasons.JwtTypeNotAllowed);
    }

    [Fact]
    public async Task Jwt_SubjectIsTheClientTheTokenWasIssuedTo_IsClientTokenRefused()
    {
        var result = await _jwt.ValidateAsync(_jwt.Key.Sign(_jwt.Claims().With("sub", "batch").With("client_id", "batch"), typ: "at+jwt"));

        AssertInvalid(result, ExchangeRejectionReasons.ClientTokenRefused);
    }

    [Fact]
    public async Task Jwt_UserToken_CarriesItsIdpClientScopesAndVerifiedEmail()
    {
        var claims = _jwt.Claims().With("azp", "portal").With("scope", "openid records:read").With("email", "a@example.com").With("email_verified", true);

        var result = await _jwt.ValidateAsync(_jwt.Key.Sign(claims, typ: "at+jwt"));

        Assert.Equal("portal", result.IdpClient);
        Assert.Equal(["openid", "records:read"], result.GrantableScopes!.Order(StringComparer.Ordinal));
        Assert.True(result.UserContext!.Attributes["user.email_verified"].AsBoolean());
    }

    [Fact]
    public async Task Introspection_ClientCredentialsToken_IsClientTokenRefused()
    {
        using var harness = Introspecting();
        harness.ServeIdp(harness.Introspection().With("sub", "batch").With("client_id", "batch"));

        var result = await harness.ValidateAsync("opaque-token");

        AssertInvalid(result, ExchangeRejectionReasons.ClientTokenRefused);
    }

    public void Dispose() => _jwt.Dispose();

    private static SubjectTokenHarness Introspecting() => new(SubjectTokenValidation.Introspection);

    private static void AssertInvalid(SubjectTokenResult result, string reason)
    {
        Assert.Equal((SubjectTokenOutcome.Invalid, reason), (result.Outcome, result.Reason));
        Assert.False(string.IsNullOrWhiteSpace(result.Description));
    }
}
