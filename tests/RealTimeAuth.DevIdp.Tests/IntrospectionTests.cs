using RealTimeAuth.DevIdp.Tests.Infrastructure;
using RealTimeAuth.Testing.Identity;

namespace RealTimeAuth.DevIdp.Tests;

[Trait("Tier", "Functional")]
public sealed class IntrospectionTests(DevIdpFactory factory) : IClassFixture<DevIdpFactory>
{
    [Fact]
    public async Task Introspection_UserTokenByRtaServer_IsActiveWithUserClaims()
    {
        using var timeout = TestTimeout.Start();
        using var client = factory.CreateBrowserlessClient();
        var tokens = await new HeadlessCodeFlow(client).SignInAsync(DemoAccounts.RickAtPortal(), timeout.Token);

        var result = await Jwt.IntrospectAsync(client, tokens.AccessToken!, "rta-server", DemoAccounts.RtaServerSecret, timeout.Token);

        Assert.True(result.GetProperty("active").GetBoolean());
        Assert.Equal(DemoAccounts.RickSubject, result.GetProperty("sub").GetString());
        Assert.Equal("portal", result.GetProperty("client_id").GetString());
        Assert.Equal(DemoAccounts.RickEmail, result.GetProperty("email").GetString());
    }

    [Fact]
    public async Task Introspection_AgentTokenByRtaServer_IsActive()
    {
        using var timeout = TestTimeout.Start();
        using var client = factory.CreateClient();
        using var response = await client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = "agent",
            ["client_secret"] = DemoAccounts.AgentSecret,
            ["scope"] = "rta",
        }), timeout.Token);
        var tokens = await TokenResponse.ReadAsync(response, timeout.Token);

        var result = await Jwt.IntrospectAsync(client, tokens.AccessToken!, "rta-server", DemoAccounts.RtaServerSecret, timeout.Token);

        Assert.True(result.GetProperty("active").GetBoolean());
        Assert.Equal("agent", result.GetProperty("sub").GetString());
    }

    [Fact]
    public async Task Introspection_AdminApiTokenByRtaServer_IsInactiveBecauseNotItsAudience()
    {
        using var timeout = TestTimeout.Start();
        using var client = factory.CreateBrowserlessClient();
        var request = new CodeFlowRequest(
            "admin-console", "http://localhost:5183/signin-oidc", "openid rta.admin",
            "admin@realtimeauth.dev", DemoAccounts.Password, DemoAccounts.AdminConsoleSecret);
        var tokens = await new HeadlessCodeFlow(client).SignInAsync(request, timeout.Token);

        var result = await Jwt.IntrospectAsync(client, tokens.AccessToken!, "rta-server", DemoAccounts.RtaServerSecret, timeout.Token);

        // RFC 7662 §4: a token meant for rta-admin-api is not described to another resource server.
        Assert.False(result.GetProperty("active").GetBoolean());
    }

    [Fact]
    public async Task Introspection_Garbage_IsInactive()
    {
        using var timeout = TestTimeout.Start();
        using var client = factory.CreateClient();

        var result = await Jwt.IntrospectAsync(client, "not-a-token", "rta-server", DemoAccounts.RtaServerSecret, timeout.Token);

        Assert.False(result.GetProperty("active").GetBoolean());
        Assert.False(result.TryGetProperty("sub", out _));
    }

    [Fact]
    public async Task Introspection_RevokedToken_IsInactive()
    {
        using var timeout = TestTimeout.Start();
        using var client = factory.CreateBrowserlessClient();
        var tokens = await new HeadlessCodeFlow(client).SignInAsync(DemoAccounts.RickAtPortal(), timeout.Token);
        using var revoke = await client.PostAsync("/connect/revoke", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["token"] = tokens.AccessToken!,
            ["client_id"] = "rta-server",
            ["client_secret"] = DemoAccounts.RtaServerSecret,
        }), timeout.Token);
        revoke.EnsureSuccessStatusCode();

        var result = await Jwt.IntrospectAsync(client, tokens.AccessToken!, "rta-server", DemoAccounts.RtaServerSecret, timeout.Token);

        Assert.False(result.GetProperty("active").GetBoolean());
    }
}
