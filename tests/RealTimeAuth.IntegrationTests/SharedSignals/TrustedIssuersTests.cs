using System.Net;
using RealTimeAuth.IntegrationTests.Infrastructure;
using RealTimeAuth.IntegrationTests.Policies;
using RealTimeAuth.Testing;
using RealTimeAuth.Testing.Hosting;

namespace RealTimeAuth.IntegrationTests.SharedSignals;

/// <summary>The trust page's issuer list names where the exchange gets each issuer's keys, read from its metadata.</summary>
[Collection(InfrastructureCollection.Name)]
[Trait("Tier", "Functional")]
public sealed class TrustedIssuersTests(InfrastructureFixture infrastructure, DevIdpFixture idp)
{
    [Fact]
    public async Task TrustedIssuers_DevIdp_ListedWithTheJwksUriFromItsMetadata()
    {
        using var timeout = TestTimeouts.Start();
        await using var cluster = await ServerCluster.CreateAsync(infrastructure, idp, "trusted_issuers");
        var server = await cluster.StartReplicaAsync();
        var admin = await idp.AdminAccessTokenAsync(timeout.Token);

        var (status, body) = await PolicyAdminCalls.GetAsync(server, admin, "admin/v1/trust/issuers", timeout.Token);

        Assert.Equal(HttpStatusCode.OK, status);
        var issuer = Assert.Single(body.EnumerateArray(), item => item.GetProperty("issuer").GetString() == idp.Issuer);
        Assert.Equal("jwks", issuer.GetProperty("validation").GetString());
        Assert.StartsWith(idp.Issuer.TrimEnd('/'), issuer.GetProperty("jwksUri").GetString(), StringComparison.Ordinal);
        Assert.False(issuer.TryGetProperty("metadataError", out _));
    }
}
