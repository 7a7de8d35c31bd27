using System.Net;
using RealTimeAuth.Server.Exchange;
using RealTimeAuth.Testing;

namespace RealTimeAuth.Server.Tests.Security.Identity;

/// <summary>
/// A session acts for a user, so the token traded for it must be a user's: not a client-credentials token, not an
/// untyped JWT unless its issuer is configured for them, not from an IdP client the exchange client may not trade, and
/// never worth a scope the user's token does not carry.
/// </summary>
[Collection(InfrastructureCollection.Name)]
[Trait("Tier", "Functional")]
public sealed class SubjectTokenAttackTests(IdentityAttackFixture fixture) : IClassFixture<IdentityAttackFixture>, IDisposable
{
    private readonly IdentityCalls _calls = new(fixture);

    [Theory]
    [InlineData("client_id")]
    [InlineData("azp")]
    public async Task Exchange_ClientCredentialsToken_InvalidGrant(string clientClaim)
    {
        var claims = IdentityCalls.UserClaims();
        claims.Remove("client_id");
        claims[clientClaim] = "batch-job";
        claims["sub"] = "batch-job";

        var refused = await _calls.ExchangeAsync(_calls.Sign(claims), "copilot");

        AgentKindAttackTests.AssertRefused(refused, HttpStatusCode.BadRequest, "invalid_grant", ExchangeRejectionReasons.ClientTokenRefused);
    }

    [Fact]
    public async Task Exchange_TokenTheIssuerMarksAsAnApps_InvalidGrant()
    {
        var claims = IdentityCalls.UserClaims();
        claims["idtyp"] = "app";

        var refused = await _calls.ExchangeAsync(_calls.Sign(claims), "copilot");

        AgentKindAttackTests.AssertRefused(refused, HttpStatusCode.BadRequest, "invalid_grant", ExchangeRejectionReasons.ClientTokenRefused);
    }

    [Fact]
    public async Task Exchange_TypedJwt_RefusedUnlessTheIssuerAllowsIt()
    {
        var refused = await _calls.ExchangeAsync(_calls.Sign(IdentityCalls.UserClaims(), typ: "JWT"), "copilot");
        var legacy = await _calls.ExchangeAsync(_calls.Sign(IdentityCalls.UserClaims(IdentityAttackFixture.LegacyIssuer), typ: "JWT"), "copilot");

        AgentKindAttackTests.AssertRefused(refused, HttpStatusCode.BadRequest, "invalid_grant", ExchangeRejectionReasons.JwtTypeNotAllowed);
        legacy.EnsureIssued();
    }

    [Fact]
    public async Task Exchange_TokenOfAnIdpClientTheExchangeClientMayNotTrade_InvalidGrant()
    {
        var foreign = IdentityCalls.UserClaims();
        foreign["client_id"] = "some-other-app";

        var refused = await _calls.ExchangeAsync(_calls.Sign(foreign), IdentityAttackFixture.PortalOnlyClient, scope: "records:read");
        var portal = await _calls.ExchangeAsync(_calls.Sign(IdentityCalls.UserClaims()), IdentityAttackFixture.PortalOnlyClient, scope: "records:read");

        AgentKindAttackTests.AssertRefused(refused, HttpStatusCode.BadRequest, "invalid_grant", ExchangeRejectionReasons.IdpClientNotAllowed);
        portal.EnsureIssued();
    }

    [Fact]
    public async Task Exchange_ScopeTheUsersTokenDoesNotCarry_InvalidScope()
    {
        var narrow = IdentityCalls.UserClaims();
        narrow["scope"] = "openid records:read";

        var refused = await _calls.ExchangeAsync(_calls.Sign(narrow), "copilot", scope: "records:read records:write");
        var defaulted = (await _calls.ExchangeAsync(_calls.Sign(narrow), "copilot", scope: null)).EnsureIssued();

        AgentKindAttackTests.AssertRefused(refused, HttpStatusCode.BadRequest, "invalid_scope", ExchangeRejectionReasons.ScopeNotInSubjectToken);
        Assert.Equal(["records:read"], defaulted.Scopes);
    }

    [Fact]
    public async Task Exchange_ScopeTheIssuersScopeMapGrants_IsIssued()
    {
        var mapped = IdentityCalls.UserClaims();
        mapped["scope"] = "openid rta";

        var issued = (await _calls.ExchangeAsync(_calls.Sign(mapped), "copilot", scope: "records:read records:write")).EnsureIssued();

        Assert.Equal(["records:read", "records:write"], issued.Scopes);
    }

    public void Dispose() => _calls.Dispose();
}
