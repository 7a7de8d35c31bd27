using System.Net;
using System.Net.Http.Headers;
using System.Text;
using RealTimeAuth.IntegrationTests.Infrastructure;
using RealTimeAuth.Protocol.Binding;
using RealTimeAuth.Protocol.Exchange;
using RealTimeAuth.Protocol.Live;
using RealTimeAuth.Server.Exchange;
using RealTimeAuth.Testing;
using RealTimeAuth.Testing.Hosting;

namespace RealTimeAuth.IntegrationTests.Exchange;

/// <summary>
/// Every error of <c>POST /oauth/token</c>, sent raw over real HTTP to a server that trusts the dev IdP by
/// JWKS. Each error is an RFC 6749 §5.2 response, and the <c>sessions</c> table has as many rows after the
/// request as before it.
/// </summary>
[Collection(InfrastructureCollection.Name)]
[Trait("Tier", "Functional")]
public sealed class TokenEndpointErrorTests(InfrastructureFixture infrastructure, DevIdpFixture idp, SharedCluster shared)
    : IClassFixture<SharedCluster>
{
    [Fact]
    public async Task Token_ValidUserToken_IssuesOneSessionBoundRtaToken()
    {
        using var timeout = TestTimeouts.Start();
        var (cluster, server) = await StartAsync();
        var userToken = await idp.UserAccessTokenAsync(timeout.Token);
        using var http = server.CreateHttpClient();
        var before = await cluster.CountSessionsAsync(timeout.Token);

        var outcome = await ExchangeRequests.PostAsync(
            http, ExchangeRequests.FromUserToken(userToken, "records:read todos:read"), CopilotBasic(cluster), timeout.Token);

        Assert.Equal(HttpStatusCode.OK, outcome.Status);
        Assert.Equal(before + 1, await cluster.CountSessionsAsync(timeout.Token));
        Assert.Equal(RtaExchangeNames.RtaTokenType, outcome.Body.GetProperty("issued_token_type").GetString());
        Assert.Equal(RtaBindingNames.TokenType, outcome.Body.GetProperty("token_type").GetString());
        Assert.Equal(171, outcome.AccessToken?.Length);
        Assert.Equal("records:read todos:read", outcome.Body.GetProperty("scope").GetString());
        Assert.True(Guid.TryParse(outcome.SessionId, out _));
        Assert.Equal(server.GrpcAddress.ToString().TrimEnd('/'), outcome.Body.GetProperty("live_channel").GetProperty("grpc").GetString());
        Assert.Contains("no-store", outcome.CacheControl, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Token_WithoutGrantType_ReturnsInvalidRequest()
    {
        using var timeout = TestTimeouts.Start();
        var (cluster, server) = await StartAsync();
        var form = ExchangeRequests.FromUserToken(await idp.UserAccessTokenAsync(timeout.Token));
        form.Remove(RtaExchangeNames.Parameters.GrantType);

        var outcome = await PostCreatingNothingAsync(cluster, server, form, CopilotBasic(cluster), timeout.Token);

        AssertError(outcome, HttpStatusCode.BadRequest, "invalid_request", ExchangeRejectionReasons.ParameterMissing);
        Assert.Contains($"'{RtaExchangeNames.Parameters.GrantType}'", outcome.ErrorDescription, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("urn:ietf:params:oauth:grant-type:token-exchange")]
    [InlineData("client_credentials")]
    [InlineData("authorization_code")]
    public async Task Token_OtherGrantType_ReturnsUnsupportedGrantType(string grantType)
    {
        using var timeout = TestTimeouts.Start();
        var (cluster, server) = await StartAsync();
        var form = ExchangeRequests.FromUserToken(await idp.UserAccessTokenAsync(timeout.Token));
        form[RtaExchangeNames.Parameters.GrantType] = grantType;

        var outcome = await PostCreatingNothingAsync(cluster, server, form, CopilotBasic(cluster), timeout.Token);

        AssertError(outcome, HttpStatusCode.BadRequest, "unsupported_grant_type", ExchangeRejectionReasons.GrantTypeUnsupported);
    }

    [Theory]
    [InlineData(ServerCluster.CopilotClientId, "wrong-secret-0123456789")]
    [InlineData("no-such-client", "wrong-secret-0123456789")]
    public async Task Token_BadClientSecretByBasic_Returns401InvalidClientWithBasicChallenge(string clientId, string secret)
    {
        using var timeout = TestTimeouts.Start();
        var (cluster, server) = await StartAsync();
        var form = ExchangeRequests.FromUserToken(await idp.UserAccessTokenAsync(timeout.Token));

        var outcome = await PostCreatingNothingAsync(cluster, server, form, ExchangeRequests.Basic(clientId, secret), timeout.Token);

        AssertError(outcome, HttpStatusCode.Unauthorized, "invalid_client", ExchangeRejectionReasons.ClientAuthenticationFailed);
        Assert.StartsWith("Basic", outcome.WwwAuthenticate, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Token_BadClientSecretInForm_Returns400InvalidClientWithoutChallenge()
    {
        using var timeout = TestTimeouts.Start();
        var (cluster, server) = await StartAsync();
        var form = ExchangeRequests.FromUserToken(await idp.UserAccessTokenAsync(timeout.Token));
        form[RtaExchangeNames.Parameters.ClientId] = ServerCluster.CopilotClientId;
        form[RtaExchangeNames.Parameters.ClientSecret] = "wrong-secret-0123456789";

        var outcome = await PostCreatingNothingAsync(cluster, server, form, basic: null, timeout.Token);

        AssertError(outcome, HttpStatusCode.BadRequest, "invalid_client", ExchangeRejectionReasons.ClientAuthenticationFailed);
        Assert.Null(outcome.WwwAuthenticate);
    }

    [Fact]
    public async Task Token_NoClientAuthentication_ReturnsInvalidClient()
    {
        using var timeout = TestTimeouts.Start();
        var (cluster, server) = await StartAsync();
        var form = ExchangeRequests.FromUserToken(await idp.UserAccessTokenAsync(timeout.Token));

        var outcome = await PostCreatingNothingAsync(cluster, server, form, basic: null, timeout.Token);

        AssertError(outcome, HttpStatusCode.BadRequest, "invalid_client", ExchangeRejectionReasons.ClientAuthenticationMissing);
    }

    [Fact]
    public async Task Token_ValidCredentialsByBasicAndInForm_ReturnsInvalidClient()
    {
        using var timeout = TestTimeouts.Start();
        var (cluster, server) = await StartAsync();
        var form = ExchangeRequests.FromUserToken(await idp.UserAccessTokenAsync(timeout.Token));
        form[RtaExchangeNames.Parameters.ClientId] = ServerCluster.CopilotClientId;
        form[RtaExchangeNames.Parameters.ClientSecret] = cluster.CopilotSecret;

        var outcome = await PostCreatingNothingAsync(cluster, server, form, CopilotBasic(cluster), timeout.Token);

        AssertError(outcome, HttpStatusCode.Unauthorized, "invalid_client", ExchangeRejectionReasons.ClientAuthenticationAmbiguous);
    }

    [Fact]
    public async Task Token_ValidCredentialsInFormOnly_IsAccepted()
    {
        using var timeout = TestTimeouts.Start();
        var (cluster, server) = await StartAsync();
        var form = ExchangeRequests.FromUserToken(await idp.UserAccessTokenAsync(timeout.Token));
        form[RtaExchangeNames.Parameters.ClientId] = ServerCluster.CopilotClientId;
        form[RtaExchangeNames.Parameters.ClientSecret] = cluster.CopilotSecret;
        using var http = server.CreateHttpClient();

        var outcome = await ExchangeRequests.PostAsync(http, form, basic: null, timeout.Token);

        Assert.Equal(HttpStatusCode.OK, outcome.Status);
    }

    [Theory]
    [InlineData(RtaExchangeNames.Parameters.SubjectToken)]
    [InlineData(RtaExchangeNames.Parameters.SubjectTokenType)]
    [InlineData(RtaExchangeNames.Parameters.Nonce)]
    [InlineData(RtaExchangeNames.Parameters.AgentId)]
    public async Task Token_RequiredParameterMissing_ReturnsInvalidRequestNamingIt(string parameter)
    {
        using var timeout = TestTimeouts.Start();
        var (cluster, server) = await StartAsync();
        var form = ExchangeRequests.FromUserToken(await idp.UserAccessTokenAsync(timeout.Token));
        form.Remove(parameter);

        var outcome = await PostCreatingNothingAsync(cluster, server, form, CopilotBasic(cluster), timeout.Token);

        AssertError(outcome, HttpStatusCode.BadRequest, "invalid_request", ExchangeRejectionReasons.ParameterMissing);
        Assert.Contains($"'{parameter}'", outcome.ErrorDescription, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Token_ParameterSentTwice_ReturnsInvalidRequest()
    {
        using var timeout = TestTimeouts.Start();
        var (cluster, server) = await StartAsync();
        var form = ExchangeRequests.FromUserToken(await idp.UserAccessTokenAsync(timeout.Token))
            .Append(new KeyValuePair<string, string>(RtaExchangeNames.Parameters.Scope, "records:write"));

        var outcome = await PostCreatingNothingAsync(cluster, server, form, CopilotBasic(cluster), timeout.Token);

        AssertError(outcome, HttpStatusCode.BadRequest, "invalid_request", ExchangeRejectionReasons.ParameterRepeated);
        Assert.Contains($"'{RtaExchangeNames.Parameters.Scope}'", outcome.ErrorDescription, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("records:delete")]
    [InlineData("records:read admin:write")]
    public async Task Token_ScopeNotAllowedForClient_ReturnsInvalidScope(string scope)
    {
        using var timeout = TestTimeouts.Start();
        var (cluster, server) = await StartAsync();
        var form = ExchangeRequests.FromUserToken(await idp.UserAccessTokenAsync(timeout.Token), scope);

        var outcome = await PostCreatingNothingAsync(cluster, server, form, CopilotBasic(cluster), timeout.Token);

        AssertError(outcome, HttpStatusCode.BadRequest, "invalid_scope", ExchangeRejectionReasons.ScopeNotAllowed);
    }

    [Fact]
    public async Task Token_ChildAsksForScopeItsParentLacks_ReturnsInvalidScope()
    {
        using var timeout = TestTimeouts.Start();
        var (cluster, server) = await StartAsync();
        var parent = await ExchangeAsync(cluster, server, await idp.UserAccessTokenAsync(timeout.Token), "records:read", timeout.Token);
        var form = ExchangeRequests.FromParentToken(parent.AccessToken!, "records:read records:write");

        var outcome = await PostCreatingNothingAsync(cluster, server, form, AgentBasic(cluster), parent, timeout.Token);

        AssertError(outcome, HttpStatusCode.BadRequest, "invalid_scope", ExchangeRejectionReasons.ScopeExceedsParent);
    }

    [Fact]
    public async Task Token_ChildWithinParentScopes_IsDelegatedFromParent()
    {
        using var timeout = TestTimeouts.Start();
        var (cluster, server) = await StartAsync();
        var parent = await ExchangeAsync(cluster, server, await idp.UserAccessTokenAsync(timeout.Token), "records:read records:write", timeout.Token);
        using var http = server.CreateHttpClient();

        var child = await ExchangeRequests.PostAsync(
            http, ExchangeRequests.FromParentToken(parent.AccessToken!, "records:read"), AgentBasic(cluster), ProofKey.Create(), parent, timeout.Token);

        Assert.Equal(HttpStatusCode.OK, child.Status);
        Assert.Equal(parent.SessionId, child.Body.GetProperty("parent_session_id").GetString());
        Assert.Equal("records:read", child.Body.GetProperty("scope").GetString());
    }

    [Fact]
    public async Task Token_RevokedParentToken_ReturnsInvalidGrant()
    {
        using var timeout = TestTimeouts.Start();
        var (cluster, server) = await StartAsync();
        var parent = await ExchangeAsync(cluster, server, await idp.UserAccessTokenAsync(timeout.Token), "records:read", timeout.Token);
        await AdminApi.RevokeSessionAsync(server, await idp.AdminAccessTokenAsync(timeout.Token), parent.SessionId!, "test: parent gone", timeout.Token);

        var outcome = await PostCreatingNothingAsync(
            cluster, server, ExchangeRequests.FromParentToken(parent.AccessToken!, "records:read"), AgentBasic(cluster), parent, timeout.Token);

        AssertError(outcome, HttpStatusCode.BadRequest, "invalid_grant", ExchangeRejectionReasons.ParentTokenInvalid);
        Assert.Contains(RtaRevocationReasons.SessionRevoked, outcome.ErrorDescription, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Token_ForgedParentToken_ReturnsInvalidGrant()
    {
        using var timeout = TestTimeouts.Start();
        var (cluster, server) = await StartAsync();
        var parent = await ExchangeAsync(cluster, server, await idp.UserAccessTokenAsync(timeout.Token), "records:read", timeout.Token);

        var outcome = await PostCreatingNothingAsync(
            cluster, server, ExchangeRequests.FromParentToken(RtaTokens.Forge(parent.AccessToken!), "records:read"), AgentBasic(cluster), parent,
            timeout.Token);

        AssertError(outcome, HttpStatusCode.BadRequest, "invalid_grant", ExchangeRejectionReasons.ParentTokenInvalid);
        Assert.Contains("token-bad-signature", outcome.ErrorDescription, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not-a-token")]
    [InlineData("eyJhbGciOiJub25lIn0.eyJpc3MiOiJ4In0.")]
    public async Task Token_GarbageSubjectToken_ReturnsInvalidGrantUntrustedIssuer(string subjectToken)
    {
        using var timeout = TestTimeouts.Start();
        var (cluster, server) = await StartAsync();

        var outcome = await PostCreatingNothingAsync(cluster, server, ExchangeRequests.FromUserToken(subjectToken), CopilotBasic(cluster), timeout.Token);

        AssertError(outcome, HttpStatusCode.BadRequest, "invalid_grant", ExchangeRejectionReasons.UntrustedIssuer);
    }

    [Fact]
    public async Task Token_SubjectTokenTooLarge_ReturnsInvalidGrant()
    {
        using var timeout = TestTimeouts.Start();
        var (cluster, server) = await StartAsync();

        var outcome = await PostCreatingNothingAsync(
            cluster, server, ExchangeRequests.FromUserToken(new string('a', 16 * 1024 + 1)), CopilotBasic(cluster), timeout.Token);

        AssertError(outcome, HttpStatusCode.BadRequest, "invalid_grant", ExchangeRejectionReasons.SubjectTokenTooLarge);
    }

    [Fact]
    public async Task Token_SubjectTokenMintedWithIdpKey_IsAccepted()
    {
        // The control for the expired case below: the same minting, unexpired, is a token the server takes.
        using var timeout = TestTimeouts.Start();
        var (cluster, server) = await StartAsync();
        var now = DateTimeOffset.UtcNow;
        var token = AccessTokens.Mint(idp.LoadSigningKey(), idp.Issuer, DemoAccounts.RtaServerAudience, now.AddMinutes(-1), now.AddMinutes(5));
        using var http = server.CreateHttpClient();

        var outcome = await ExchangeRequests.PostAsync(http, ExchangeRequests.FromUserToken(token), CopilotBasic(cluster), timeout.Token);

        Assert.Equal(HttpStatusCode.OK, outcome.Status);
    }

    [Fact]
    public async Task Token_ExpiredSubjectToken_ReturnsInvalidGrant()
    {
        using var timeout = TestTimeouts.Start();
        var (cluster, server) = await StartAsync();
        var now = DateTimeOffset.UtcNow;
        // Expired five minutes ago: well past the server's 30 s clock skew.
        var token = AccessTokens.Mint(idp.LoadSigningKey(), idp.Issuer, DemoAccounts.RtaServerAudience, now.AddMinutes(-20), now.AddMinutes(-5));

        var outcome = await PostCreatingNothingAsync(cluster, server, ExchangeRequests.FromUserToken(token), CopilotBasic(cluster), timeout.Token);

        AssertError(outcome, HttpStatusCode.BadRequest, "invalid_grant", ExchangeRejectionReasons.TokenExpired);
    }

    [Fact]
    public async Task Token_SubjectTokenForAdminApiAudience_ReturnsInvalidGrant()
    {
        using var timeout = TestTimeouts.Start();
        var (cluster, server) = await StartAsync();
        // A real dev IdP token for scope rta.admin: aud is rta-admin-api, not rta-server.
        var adminToken = await idp.AdminAccessTokenAsync(timeout.Token);

        var outcome = await PostCreatingNothingAsync(cluster, server, ExchangeRequests.FromUserToken(adminToken), CopilotBasic(cluster), timeout.Token);

        AssertError(outcome, HttpStatusCode.BadRequest, "invalid_grant", ExchangeRejectionReasons.WrongAudience);
    }

    [Fact]
    public async Task Token_SubjectTokenFromUntrustedIssuer_ReturnsInvalidGrant()
    {
        using var timeout = TestTimeouts.Start();
        var (cluster, server) = await StartAsync();
        var now = DateTimeOffset.UtcNow;
        var token = AccessTokens.Mint(
            AccessTokens.ForeignKey(), "https://idp.untrusted.example/", DemoAccounts.RtaServerAudience, now.AddMinutes(-1), now.AddMinutes(5));

        var outcome = await PostCreatingNothingAsync(cluster, server, ExchangeRequests.FromUserToken(token), CopilotBasic(cluster), timeout.Token);

        AssertError(outcome, HttpStatusCode.BadRequest, "invalid_grant", ExchangeRejectionReasons.UntrustedIssuer);
    }

    [Fact]
    public async Task Token_SubjectTokenNamingTrustedIssuerSignedWithForeignKey_ReturnsInvalidGrant()
    {
        using var timeout = TestTimeouts.Start();
        var (cluster, server) = await StartAsync();
        var now = DateTimeOffset.UtcNow;
        var token = AccessTokens.Mint(AccessTokens.ForeignKey(), idp.Issuer, DemoAccounts.RtaServerAudience, now.AddMinutes(-1), now.AddMinutes(5));

        var outcome = await PostCreatingNothingAsync(cluster, server, ExchangeRequests.FromUserToken(token), CopilotBasic(cluster), timeout.Token);

        AssertError(outcome, HttpStatusCode.BadRequest, "invalid_grant", ExchangeRejectionReasons.BadSignature);
    }

    [Fact]
    public async Task Token_ReplayedNonce_IsRejectedAndCreatesNothing()
    {
        using var timeout = TestTimeouts.Start();
        var (cluster, server) = await StartAsync();
        var form = ExchangeRequests.FromUserToken(await idp.UserAccessTokenAsync(timeout.Token));
        using var http = server.CreateHttpClient();
        var first = await ExchangeRequests.PostAsync(http, form, CopilotBasic(cluster), timeout.Token);
        Assert.Equal(HttpStatusCode.OK, first.Status);

        // The same nonce with an otherwise new request (another agent): still a replay.
        form[RtaExchangeNames.Parameters.AgentId] = $"replayer-{Guid.NewGuid():N}";
        var replay = await PostCreatingNothingAsync(cluster, server, form, CopilotBasic(cluster), timeout.Token);

        AssertError(replay, HttpStatusCode.BadRequest, "invalid_request", ExchangeRejectionReasons.NonceReused);
    }

    [Fact]
    public async Task Token_JsonBody_ReturnsInvalidRequest()
    {
        using var timeout = TestTimeouts.Start();
        var (cluster, server) = await StartAsync();
        var form = ExchangeRequests.FromUserToken(await idp.UserAccessTokenAsync(timeout.Token));
        var json = new StringContent(System.Text.Json.JsonSerializer.Serialize(form), Encoding.UTF8, "application/json");

        var outcome = await SendCreatingNothingAsync(cluster, server, json, CopilotBasic(cluster), timeout.Token);

        AssertError(outcome, HttpStatusCode.BadRequest, "invalid_request", ExchangeRejectionReasons.FormRequired);
    }

    [Fact]
    public async Task Token_EmptyBody_ReturnsInvalidRequest()
    {
        using var timeout = TestTimeouts.Start();
        var (cluster, server) = await StartAsync();

        var outcome = await SendCreatingNothingAsync(cluster, server, content: null, CopilotBasic(cluster), timeout.Token);

        AssertError(outcome, HttpStatusCode.BadRequest, "invalid_request", ExchangeRejectionReasons.FormRequired);
    }

    private async Task<(ServerCluster Cluster, ServerHost Server)> StartAsync()
    {
        var cluster = await shared.GetAsync(infrastructure, idp, "exchange");
        return (cluster, cluster.Replicas[0]);
    }

    private static AuthenticationHeaderValue CopilotBasic(ServerCluster cluster) =>
        ExchangeRequests.Basic(ServerCluster.CopilotClientId, cluster.CopilotSecret);

    private static AuthenticationHeaderValue AgentBasic(ServerCluster cluster) =>
        ExchangeRequests.Basic(ServerCluster.AgentClientId, cluster.AgentSecret);

    private static Task<ExchangeOutcome> ExchangeAsync(
        ServerCluster cluster, ServerHost server, string userToken, string scope, CancellationToken cancellationToken) =>
        ExchangeRequests.IssueAsync(cluster, server, userToken, scope, cancellationToken);

    private static Task<ExchangeOutcome> PostCreatingNothingAsync(
        ServerCluster cluster, ServerHost server, IEnumerable<KeyValuePair<string, string>> form, AuthenticationHeaderValue? basic,
        CancellationToken cancellationToken) =>
        PostCreatingNothingAsync(cluster, server, form, basic, parent: null, cancellationToken);

    /// <summary>Posts with valid proofs (the parent's too, when delegating from <paramref name="parent"/>).</summary>
    private static Task<ExchangeOutcome> PostCreatingNothingAsync(
        ServerCluster cluster, ServerHost server, IEnumerable<KeyValuePair<string, string>> form, AuthenticationHeaderValue? basic,
        ExchangeOutcome? parent, CancellationToken cancellationToken) =>
        SendCreatingNothingAsync(cluster, server, new FormUrlEncodedContent(form), basic, parent, cancellationToken);

    private static Task<ExchangeOutcome> SendCreatingNothingAsync(
        ServerCluster cluster, ServerHost server, HttpContent? content, AuthenticationHeaderValue? basic, CancellationToken cancellationToken) =>
        SendCreatingNothingAsync(cluster, server, content, basic, parent: null, cancellationToken);

    /// <summary>Sends the request with valid proofs and asserts the <c>sessions</c> table did not grow.</summary>
    private static async Task<ExchangeOutcome> SendCreatingNothingAsync(
        ServerCluster cluster, ServerHost server, HttpContent? content, AuthenticationHeaderValue? basic, ExchangeOutcome? parent,
        CancellationToken cancellationToken)
    {
        using var http = server.CreateHttpClient();
        var before = await cluster.CountSessionsAsync(cancellationToken);
        var outcome = await ExchangeRequests.SendAsync(http, content, basic, ExchangeRequests.Proofs(http, ProofKey.Create(), parent), cancellationToken);
        Assert.Equal(before, await cluster.CountSessionsAsync(cancellationToken));
        return outcome;
    }

    private static void AssertError(ExchangeOutcome outcome, HttpStatusCode status, string error, string reason)
    {
        Assert.True(outcome.Status == status && outcome.Error == error, $"Expected {(int)status} {error}, got {outcome}.");
        Assert.StartsWith(reason + ":", outcome.ErrorDescription, StringComparison.Ordinal);
        Assert.Equal("application/json", outcome.ContentType);
        Assert.Contains("no-store", outcome.CacheControl, StringComparison.Ordinal);
        Assert.Null(outcome.AccessToken);
    }
}
