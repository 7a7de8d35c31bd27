using Microsoft.IdentityModel.JsonWebTokens;
using RealTimeAuth.DevIdp.Tests.Infrastructure;
using RealTimeAuth.Testing.Identity;

namespace RealTimeAuth.DevIdp.Tests;

[Trait("Tier", "Functional")]
public sealed class ClientCredentialsTests(DevIdpFactory factory) : IClassFixture<DevIdpFactory>
{
    [Fact]
    public async Task ClientCredentials_AgentWithSecret_ReturnsJwtForRtaServer()
    {
        using var timeout = TestTimeout.Start();
        using var client = factory.CreateClient();

        var tokens = await RequestAsync(client, "agent", DemoAccounts.AgentSecret, timeout.Token);

        Assert.Null(tokens.Error);
        var validation = await Jwt.ValidateAccessTokenAsync(client, tokens.AccessToken!, "rta-server", timeout.Token);
        Assert.True(validation.IsValid, validation.Exception?.Message);
        var jwt = (JsonWebToken)validation.SecurityToken;
        Assert.Equal("agent", jwt.Subject);
        Assert.Equal("agent", jwt.GetClaim("client_id").Value);
        Assert.Equal("rta", jwt.GetClaim("scope").Value);
    }

    [Fact]
    public async Task ClientCredentials_WrongSecret_ReturnsInvalidClient()
    {
        using var timeout = TestTimeout.Start();
        using var client = factory.CreateClient();

        var tokens = await RequestAsync(client, "agent", "not-the-secret", timeout.Token);

        Assert.Equal("invalid_client", tokens.Error);
        Assert.Null(tokens.AccessToken);
    }

    [Fact]
    public async Task ClientCredentials_PublicPortal_IsRefused()
    {
        using var timeout = TestTimeout.Start();
        using var client = factory.CreateClient();

        using var response = await client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = "portal",
            ["scope"] = "rta",
        }), timeout.Token);
        var tokens = await TokenResponse.ReadAsync(response, timeout.Token);

        Assert.NotNull(tokens.Error);
        Assert.Null(tokens.AccessToken);
    }

    private static async Task<TokenResponse> RequestAsync(HttpClient client, string clientId, string secret, CancellationToken cancellationToken)
    {
        using var response = await client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = secret,
            ["scope"] = "rta",
        }), cancellationToken);
        return await TokenResponse.ReadAsync(response, cancellationToken);
    }
}
