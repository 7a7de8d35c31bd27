using System.Net;
using RealTimeAuth.IntegrationTests.Infrastructure;
using RealTimeAuth.Server.Exchange;
using RealTimeAuth.Testing;
using RealTimeAuth.Testing.Hosting;

namespace RealTimeAuth.IntegrationTests.Exchange;

/// <summary>
/// The same exchange against a server that validates the dev IdP's tokens by RFC 7662 introspection
/// (client <c>rta-server</c>) instead of by JWKS.
/// </summary>
[Collection(InfrastructureCollection.Name)]
[Trait("Tier", "Functional")]
public sealed class IntrospectionExchangeTests(InfrastructureFixture infrastructure, DevIdpFixture idp, SharedCluster shared)
    : IClassFixture<SharedCluster>
{
    [Fact]
    public async Task TokenByIntrospection_ActiveUserToken_IssuesSessionForTheUser()
    {
        using var timeout = TestTimeouts.Start();
        var (cluster, server) = await StartAsync();
        using var http = server.CreateHttpClient();
        var before = await cluster.CountSessionsAsync(timeout.Token);

        var outcome = await ExchangeRequests.PostAsync(
            http, ExchangeRequests.FromUserToken(await idp.UserAccessTokenAsync(timeout.Token)), CopilotBasic(cluster), timeout.Token);

        Assert.True(outcome.Status == HttpStatusCode.OK, outcome.ToString());
        Assert.Equal(before + 1, await cluster.CountSessionsAsync(timeout.Token));
    }

    [Theory]
    [InlineData("opaque-garbage-that-no-idp-issued", ExchangeRejectionReasons.TokenInactive)]
    [InlineData("eyJhbGciOiJub25lIn0.eyJpc3MiOiJ4In0.", ExchangeRejectionReasons.UntrustedIssuer)]
    public async Task TokenByIntrospection_TokenNotFromTheIdp_ReturnsInvalidGrant(string subjectToken, string reason)
    {
        using var timeout = TestTimeouts.Start();
        var (cluster, server) = await StartAsync();
        using var http = server.CreateHttpClient();
        var before = await cluster.CountSessionsAsync(timeout.Token);

        var outcome = await ExchangeRequests.PostAsync(http, ExchangeRequests.FromUserToken(subjectToken), CopilotBasic(cluster), timeout.Token);

        Assert.True(outcome is { Status: HttpStatusCode.BadRequest, Error: "invalid_grant" }, outcome.ToString());
        Assert.StartsWith(reason + ":", outcome.ErrorDescription, StringComparison.Ordinal);
        Assert.Equal(before, await cluster.CountSessionsAsync(timeout.Token));
    }

    [Fact]
    public async Task TokenByIntrospection_AdminApiToken_ReturnsInvalidGrant()
    {
        using var timeout = TestTimeouts.Start();
        var (cluster, server) = await StartAsync();
        using var http = server.CreateHttpClient();
        var before = await cluster.CountSessionsAsync(timeout.Token);

        var outcome = await ExchangeRequests.PostAsync(
            http, ExchangeRequests.FromUserToken(await idp.AdminAccessTokenAsync(timeout.Token)), CopilotBasic(cluster), timeout.Token);

        Assert.True(outcome is { Status: HttpStatusCode.BadRequest, Error: "invalid_grant" }, outcome.ToString());
        // OpenIddict answers "not active" to an introspecting client the token was not issued for.
        Assert.StartsWith(ExchangeRejectionReasons.TokenInactive + ":", outcome.ErrorDescription, StringComparison.Ordinal);
        Assert.Equal(before, await cluster.CountSessionsAsync(timeout.Token));
    }

    private async Task<(ServerCluster Cluster, ServerHost Server)> StartAsync()
    {
        var cluster = await shared.GetAsync(infrastructure, idp, "introspection", new Dictionary<string, string?>
        {
            ["Exchange:TrustedIssuers:0:Validation"] = "Introspection",
            ["Exchange:TrustedIssuers:0:ClientId"] = DemoAccounts.IntrospectionClientId,
            ["Exchange:TrustedIssuers:0:ClientSecret"] = DemoAccounts.IntrospectionSecret,
        });
        return (cluster, cluster.Replicas[0]);
    }

    private static System.Net.Http.Headers.AuthenticationHeaderValue CopilotBasic(ServerCluster cluster) =>
        ExchangeRequests.Basic(ServerCluster.CopilotClientId, cluster.CopilotSecret);
}
