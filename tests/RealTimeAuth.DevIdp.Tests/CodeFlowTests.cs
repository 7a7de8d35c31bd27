using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using RealTimeAuth.DevIdp.Tests.Infrastructure;
using RealTimeAuth.Testing.Identity;

namespace RealTimeAuth.DevIdp.Tests;

[Trait("Tier", "Functional")]
public sealed class CodeFlowTests(DevIdpFactory factory) : IClassFixture<DevIdpFactory>
{
    [Fact]
    public async Task CodeFlow_PortalWithPkce_ReturnsAccessTokenWithUserClaimsForRtaServer()
    {
        using var timeout = TestTimeout.Start();
        using var client = factory.CreateBrowserlessClient();

        var tokens = await new HeadlessCodeFlow(client).SignInAsync(DemoAccounts.RickAtPortal(), timeout.Token);

        Assert.Null(tokens.Error);
        Assert.NotNull(tokens.IdToken);
        var validation = await Jwt.ValidateAccessTokenAsync(client, tokens.AccessToken!, "rta-server", timeout.Token);
        Assert.True(validation.IsValid, validation.Exception?.Message);
        var jwt = (JsonWebToken)validation.SecurityToken;
        Assert.Equal(DemoAccounts.RickSubject, jwt.Subject);
        Assert.Equal(DemoAccounts.RickEmail, jwt.GetClaim("email").Value);
        Assert.Equal(["admin", "evil_genius", "rta-admin"], Jwt.Values(jwt, "role").Order());
        Assert.Equal(["rta-server"], jwt.Audiences);
        Assert.False(string.IsNullOrEmpty(jwt.GetClaim("sid").Value));
    }

    [Fact]
    public async Task CodeFlow_AdminConsoleWithRtaAdmin_ReturnsTokenForAdminApi()
    {
        using var timeout = TestTimeout.Start();
        using var client = factory.CreateBrowserlessClient();
        var request = new CodeFlowRequest(
            "admin-console", "http://localhost:5183/signin-oidc", "openid profile email roles rta.admin",
            "admin@realtimeauth.dev", DemoAccounts.Password, DemoAccounts.AdminConsoleSecret);

        var tokens = await new HeadlessCodeFlow(client).SignInAsync(request, timeout.Token);

        Assert.Null(tokens.Error);
        var validation = await Jwt.ValidateAccessTokenAsync(client, tokens.AccessToken!, "rta-admin-api", timeout.Token);
        Assert.True(validation.IsValid, validation.Exception?.Message);
        Assert.Equal(["rta-admin"], Jwt.Values((JsonWebToken)validation.SecurityToken, "role"));
    }

    [Fact]
    public async Task RefreshToken_FromCodeFlow_ReturnsNewAccessTokenForSameSession()
    {
        using var timeout = TestTimeout.Start();
        using var client = factory.CreateBrowserlessClient();
        var first = await new HeadlessCodeFlow(client).SignInAsync(DemoAccounts.RickAtPortal(), timeout.Token);
        Assert.NotNull(first.RefreshToken);

        using var response = await client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token",
            ["refresh_token"] = first.RefreshToken,
            ["client_id"] = "portal",
        }), timeout.Token);
        var refreshed = await TokenResponse.ReadAsync(response, timeout.Token);

        Assert.Null(refreshed.Error);
        Assert.NotEqual(first.AccessToken, refreshed.AccessToken);
        var validation = await Jwt.ValidateAccessTokenAsync(client, refreshed.AccessToken!, "rta-server", timeout.Token);
        Assert.True(validation.IsValid, validation.Exception?.Message);
        var before = new JsonWebToken(first.AccessToken);
        var after = (JsonWebToken)validation.SecurityToken;
        Assert.Equal(before.Subject, after.Subject);
        Assert.Equal(before.GetClaim("sid").Value, after.GetClaim("sid").Value);
    }

    [Fact]
    public async Task Authorize_PortalWithoutPkce_ReturnsInvalidRequest()
    {
        using var timeout = TestTimeout.Start();
        using var client = factory.CreateBrowserlessClient();

        var callback = await new HeadlessCodeFlow(client).AuthorizeAsync(DemoAccounts.RickAtPortal(), codeChallenge: null, timeout.Token);

        Assert.Null(callback.Code);
        Assert.Equal("invalid_request", callback.Error);
        Assert.Contains("code_challenge", callback.ErrorDescription, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Authorize_PlainCodeChallengeMethod_IsRejected()
    {
        using var timeout = TestTimeout.Start();
        using var client = factory.CreateBrowserlessClient();

        using var response = await client.GetAsync(
            $"/connect/authorize?client_id=portal&response_type=code&scope=openid&redirect_uri={Uri.EscapeDataString(DemoAccounts.PortalRedirectUri)}&code_challenge={Pkce.Create().Verifier}&code_challenge_method=plain",
            timeout.Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("error:invalid_request", await response.Content.ReadAsStringAsync(timeout.Token), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Token_CodeWithWrongVerifier_ReturnsInvalidGrant()
    {
        using var timeout = TestTimeout.Start();
        using var client = factory.CreateBrowserlessClient();
        var flow = new HeadlessCodeFlow(client);
        var request = DemoAccounts.RickAtPortal();
        var callback = await flow.AuthorizeAsync(request, Pkce.Create().Challenge, timeout.Token);

        var tokens = await flow.RedeemCodeAsync(request, callback.Code!, Pkce.Create().Verifier, timeout.Token);

        Assert.Equal("invalid_grant", tokens.Error);
    }

    [Fact]
    public async Task Login_WrongPassword_ShowsFormAgainWithoutSigningIn()
    {
        using var timeout = TestTimeout.Start();
        using var client = factory.CreateBrowserlessClient();
        using var page = await client.GetAsync("/account/login?returnUrl=%2F", timeout.Token);
        var fields = HtmlForm.ReadInputs(await page.Content.ReadAsStringAsync(timeout.Token));
        fields["username"] = DemoAccounts.RickEmail;
        fields["password"] = "wrong";

        using var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(fields), timeout.Token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains("Wrong e-mail or password.", await response.Content.ReadAsStringAsync(timeout.Token), StringComparison.Ordinal);
        var cookies = response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];
        Assert.DoesNotContain(cookies, cookie => cookie.StartsWith(".RealTimeAuth.DevIdp=", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Login_WithoutAntiforgeryToken_IsRejected()
    {
        using var timeout = TestTimeout.Start();
        using var client = factory.CreateBrowserlessClient();

        using var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["username"] = DemoAccounts.RickEmail,
            ["password"] = DemoAccounts.Password,
            ["returnUrl"] = "/",
        }), timeout.Token);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Login_ExternalReturnUrl_RedirectsHomeInstead()
    {
        using var timeout = TestTimeout.Start();
        using var client = factory.CreateBrowserlessClient();
        using var page = await client.GetAsync("/account/login?returnUrl=%2F%2Fevil.example%2F", timeout.Token);
        var fields = HtmlForm.ReadInputs(await page.Content.ReadAsStringAsync(timeout.Token));
        fields["username"] = DemoAccounts.RickEmail;
        fields["password"] = DemoAccounts.Password;
        fields["returnUrl"] = "//evil.example/";

        using var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(fields), timeout.Token);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task UserInfo_AccessTokenWithScopes_ReturnsDirectoryClaims()
    {
        using var timeout = TestTimeout.Start();
        using var client = factory.CreateBrowserlessClient();
        var tokens = await new HeadlessCodeFlow(client).SignInAsync(DemoAccounts.RickAtPortal(), timeout.Token);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/connect/userinfo");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens.AccessToken);

        using var response = await client.SendAsync(request, timeout.Token);
        var claims = await response.Content.ReadFromJsonAsync<JsonElement>(timeout.Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(DemoAccounts.RickSubject, claims.GetProperty("sub").GetString());
        Assert.Equal(DemoAccounts.RickEmail, claims.GetProperty("email").GetString());
        Assert.Equal("Rick Sanchez", claims.GetProperty("name").GetString());
        Assert.Contains("evil_genius", claims.GetProperty("role").EnumerateArray().Select(role => role.GetString()));
    }

    [Fact]
    public async Task Logout_WithIdTokenHint_RedirectsToPostLogoutUriAndEndsSession()
    {
        using var timeout = TestTimeout.Start();
        using var client = factory.CreateBrowserlessClient();
        var flow = new HeadlessCodeFlow(client);
        var tokens = await flow.SignInAsync(DemoAccounts.RickAtPortal(), timeout.Token);

        using var logout = await client.GetAsync(
            $"/connect/logout?id_token_hint={tokens.IdToken}&post_logout_redirect_uri={Uri.EscapeDataString(DemoAccounts.PortalPostLogoutUri)}",
            timeout.Token);

        Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);
        Assert.StartsWith(DemoAccounts.PortalPostLogoutUri, logout.Headers.Location?.AbsoluteUri, StringComparison.Ordinal);
        using var authorize = await client.GetAsync(
            $"/connect/authorize?client_id=portal&response_type=code&scope=openid&redirect_uri={Uri.EscapeDataString(DemoAccounts.PortalRedirectUri)}&code_challenge={Pkce.Create().Challenge}&code_challenge_method=S256",
            timeout.Token);
        Assert.Contains("/account/login", authorize.Headers.Location?.OriginalString, StringComparison.Ordinal);
    }
}
