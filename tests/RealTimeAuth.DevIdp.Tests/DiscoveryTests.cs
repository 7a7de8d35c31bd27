using System.Net.Http.Json;
using System.Text.Json;

namespace RealTimeAuth.DevIdp.Tests;

[Trait("Tier", "Functional")]
public sealed class DiscoveryTests(DevIdpFactory factory) : IClassFixture<DevIdpFactory>
{
    [Fact]
    public async Task Discovery_Default_AdvertisesEndpointsScopesAndS256Only()
    {
        using var timeout = TestTimeout.Start();
        using var client = factory.CreateClient();

        var document = await client.GetFromJsonAsync<JsonElement>("/.well-known/openid-configuration", timeout.Token);

        Assert.Equal("http://localhost/", document.GetProperty("issuer").GetString());
        Assert.Equal("http://localhost/connect/authorize", document.GetProperty("authorization_endpoint").GetString());
        Assert.Equal("http://localhost/connect/token", document.GetProperty("token_endpoint").GetString());
        Assert.Equal("http://localhost/connect/introspect", document.GetProperty("introspection_endpoint").GetString());
        Assert.Equal("http://localhost/connect/userinfo", document.GetProperty("userinfo_endpoint").GetString());
        Assert.Equal("http://localhost/connect/logout", document.GetProperty("end_session_endpoint").GetString());
        Assert.Equal("http://localhost/.well-known/jwks", document.GetProperty("jwks_uri").GetString());
        var scopes = document.GetProperty("scopes_supported").EnumerateArray().Select(scope => scope.GetString()).ToArray();
        Assert.Subset(scopes.ToHashSet(), new HashSet<string?> { "openid", "profile", "email", "roles", "offline_access", "rta", "rta.admin" });
        Assert.Equal(["S256"], document.GetProperty("code_challenge_methods_supported").EnumerateArray().Select(method => method.GetString()));
    }

    [Fact]
    public async Task Discovery_IssuerConfigured_UsesConfiguredIssuer()
    {
        using var timeout = TestTimeout.Start();
        using var configured = factory.WithWebHostBuilder(builder => builder.UseSetting("DevIdp:Issuer", "https://idp.realtimeauth.test/"));
        using var client = configured.CreateClient();

        var document = await client.GetFromJsonAsync<JsonElement>("/.well-known/openid-configuration", timeout.Token);

        Assert.Equal("https://idp.realtimeauth.test/", document.GetProperty("issuer").GetString());
    }

    [Fact]
    public async Task Jwks_Default_PublishesRsaSigningKeyWithoutPrivateParts()
    {
        using var timeout = TestTimeout.Start();
        using var client = factory.CreateClient();

        var jwks = await client.GetFromJsonAsync<JsonElement>("/.well-known/jwks", timeout.Token);

        var key = Assert.Single(jwks.GetProperty("keys").EnumerateArray());
        Assert.False(string.IsNullOrEmpty(key.GetProperty("kid").GetString()));
        Assert.Equal("RSA", key.GetProperty("kty").GetString());
        Assert.Equal("sig", key.GetProperty("use").GetString());
        Assert.Equal("RS256", key.GetProperty("alg").GetString());
        Assert.False(key.TryGetProperty("d", out _));
    }
}
