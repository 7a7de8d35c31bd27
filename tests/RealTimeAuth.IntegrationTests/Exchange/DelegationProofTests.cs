using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using RealTimeAuth.IntegrationTests.Infrastructure;
using RealTimeAuth.Protocol.Binding;
using RealTimeAuth.Server.Exchange;
using RealTimeAuth.Testing;
using RealTimeAuth.Testing.Hosting;

namespace RealTimeAuth.IntegrationTests.Exchange;

/// <summary>
/// A delegated exchange is signed by the parent: <c>RTA-Parent-DPoP</c> must be a proof by the parent session's key with
/// <c>ath</c> of the parent token, so a copied parent token delegates nothing. Every refusal leaves the <c>sessions</c>
/// table as it was; a success records the chain of keys from the root.
/// </summary>
[Collection(InfrastructureCollection.Name)]
[Trait("Tier", "Functional")]
public sealed class DelegationProofTests(InfrastructureFixture infrastructure, DevIdpFixture idp, SharedCluster shared)
    : IClassFixture<SharedCluster>
{
    [Fact]
    public async Task Delegate_WithBothProofs_BindsChildToItsKeyAndRecordsTheChain()
    {
        using var timeout = TestTimeouts.Start();
        var (cluster, server) = await StartAsync();
        var parent = await RootAsync(cluster, server, timeout.Token);

        var child = await ExchangeRequests.IssueChildAsync(cluster, server, parent, "records:read", timeout.Token);

        Assert.Equal(RtaBindingNames.TokenType, child.Body.GetProperty("token_type").GetString());
        Assert.Equal(parent.Key!.Thumbprint, await cluster.ScalarAsync($"SELECT key_thumbprint FROM sessions WHERE id = '{parent.SessionId}'", timeout.Token));
        Assert.Equal(child.Key!.Thumbprint, await cluster.ScalarAsync($"SELECT key_thumbprint FROM sessions WHERE id = '{child.SessionId}'", timeout.Token));
        Assert.Equal(
            [parent.Key.Thumbprint, child.Key.Thumbprint],
            (string[])(await cluster.ScalarAsync($"SELECT key_chain FROM sessions WHERE id = '{child.SessionId}'", timeout.Token))!);

        var detail = await AdminSessionAsync(server, child.SessionId!, timeout.Token);
        var session = detail.GetProperty("session");
        Assert.Equal(child.Key.Thumbprint, session.GetProperty("keyThumbprint").GetString());
        Assert.Equal([parent.Key.Thumbprint, child.Key.Thumbprint], session.GetProperty("keyChain").EnumerateArray().Select(key => key.GetString()));
    }

    [Fact]
    public async Task Delegate_WithoutParentProof_RefusedParentProofMissing()
    {
        using var timeout = TestTimeouts.Start();
        var (cluster, server) = await StartAsync();
        var parent = await RootAsync(cluster, server, timeout.Token);
        using var childKey = ProofKey.Create();

        var outcome = await DelegateCreatingNothingAsync(cluster, server, parent, endpoint => [Child(childKey, endpoint)], timeout.Token);

        ExchangeProofTests.AssertProofRefused(outcome, RtaBindingReasons.ParentProofMissing);
    }

    [Fact]
    public async Task Delegate_ParentProofByAnotherSessionsKey_RefusedWrongKey()
    {
        using var timeout = TestTimeouts.Start();
        var (cluster, server) = await StartAsync();
        var parent = await RootAsync(cluster, server, timeout.Token);
        var other = await RootAsync(cluster, server, timeout.Token);
        using var childKey = ProofKey.Create();

        var outcome = await DelegateCreatingNothingAsync(
            cluster, server, parent, endpoint => [Child(childKey, endpoint), ParentProof(other.Key!.ProvePost(endpoint, parent.AccessToken))], timeout.Token);

        ExchangeProofTests.AssertProofRefused(outcome, DpopRejectionReasons.WrongKey);
        Assert.Contains("parent", outcome.ErrorDescription, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Delegate_CopiedParentTokenWithTheAttackersOwnKey_RefusedWrongKey()
    {
        using var timeout = TestTimeouts.Start();
        var (cluster, server) = await StartAsync();
        var parent = await RootAsync(cluster, server, timeout.Token);
        using var attackerKey = ProofKey.Create();
        using var childKey = ProofKey.Create();

        // Everything right but the key: the attacker holds the copied token, not the parent's private key.
        var outcome = await DelegateCreatingNothingAsync(
            cluster, server, parent, endpoint => [Child(childKey, endpoint), ParentProof(attackerKey.ProvePost(endpoint, parent.AccessToken))], timeout.Token);

        ExchangeProofTests.AssertProofRefused(outcome, DpopRejectionReasons.WrongKey);
    }

    [Fact]
    public async Task Delegate_ParentProofOverAnotherToken_RefusedWrongAth()
    {
        using var timeout = TestTimeouts.Start();
        var (cluster, server) = await StartAsync();
        var parent = await RootAsync(cluster, server, timeout.Token);
        var other = await RootAsync(cluster, server, timeout.Token);
        using var childKey = ProofKey.Create();

        var outcome = await DelegateCreatingNothingAsync(
            cluster, server, parent, endpoint => [Child(childKey, endpoint), ParentProof(parent.Key!.ProvePost(endpoint, other.AccessToken))], timeout.Token);

        ExchangeProofTests.AssertProofRefused(outcome, DpopRejectionReasons.WrongAth);
    }

    [Fact]
    public async Task Delegate_ReplayedParentProof_RefusedReplayedProof()
    {
        using var timeout = TestTimeouts.Start();
        var (cluster, server) = await StartAsync();
        var parent = await RootAsync(cluster, server, timeout.Token);
        using var http = server.CreateHttpClient();
        var parentProof = ParentProof(parent.Key!.ProvePost(ExchangeRequests.TokenEndpoint(http), parent.AccessToken));
        using var firstKey = ProofKey.Create();
        var first = await ExchangeRequests.SendAsync(
            http, new FormUrlEncodedContent(ExchangeRequests.FromParentToken(parent.AccessToken!, "records:read")), AgentBasic(cluster),
            [Child(firstKey, ExchangeRequests.TokenEndpoint(http)), parentProof], timeout.Token);
        Assert.True(first.Status == HttpStatusCode.OK, first.ToString());
        using var secondKey = ProofKey.Create();

        var replay = await DelegateCreatingNothingAsync(cluster, server, parent, endpoint => [Child(secondKey, endpoint), parentProof], timeout.Token);

        ExchangeProofTests.AssertProofRefused(replay, RtaBindingReasons.ReplayedProof);
    }

    [Fact]
    public async Task Delegate_ChildProofByTheParentsKey_RefusedChildKeyReused()
    {
        using var timeout = TestTimeouts.Start();
        var (cluster, server) = await StartAsync();
        var parent = await RootAsync(cluster, server, timeout.Token);

        var outcome = await DelegateCreatingNothingAsync(
            cluster, server, parent, endpoint => [Child(parent.Key!, endpoint), ParentProof(parent.Key!.ProvePost(endpoint, parent.AccessToken))], timeout.Token);

        ExchangeProofTests.AssertProofRefused(outcome, ExchangeRejectionReasons.ChildKeyReused);
    }

    private async Task<(ServerCluster Cluster, ServerHost Server)> StartAsync()
    {
        var cluster = await shared.GetAsync(infrastructure, idp, "delegation-proof");
        return (cluster, cluster.Replicas[0]);
    }

    private async Task<ExchangeOutcome> RootAsync(ServerCluster cluster, ServerHost server, CancellationToken cancellationToken) =>
        await ExchangeRequests.IssueAsync(cluster, server, await idp.UserAccessTokenAsync(cancellationToken), "records:read", cancellationToken);

    private async Task<JsonElement> AdminSessionAsync(ServerHost server, string sessionId, CancellationToken cancellationToken)
    {
        using var http = server.CreateHttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, $"admin/v1/sessions/{sessionId}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await idp.AdminAccessTokenAsync(cancellationToken));
        using var response = await http.SendAsync(request, cancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken)).RootElement.Clone();
    }

    private static KeyValuePair<string, string> Child(ProofKey key, Uri endpoint) => new(RtaBindingNames.ProofHeader, key.ProvePost(endpoint));

    private static KeyValuePair<string, string> ParentProof(string value) => new(RtaBindingNames.ParentProofHeader, value);

    private static AuthenticationHeaderValue AgentBasic(ServerCluster cluster) => ExchangeRequests.Basic(ServerCluster.AgentClientId, cluster.AgentSecret);

    /// <summary>Posts a valid delegation form from <paramref name="parent"/> with exactly the given headers; asserts nothing was created.</summary>
    private static async Task<ExchangeOutcome> DelegateCreatingNothingAsync(
        ServerCluster cluster, ServerHost server, ExchangeOutcome parent, Func<Uri, KeyValuePair<string, string>[]> headers,
        CancellationToken cancellationToken)
    {
        using var http = server.CreateHttpClient();
        var before = await cluster.CountSessionsAsync(cancellationToken);
        var outcome = await ExchangeRequests.SendAsync(
            http, new FormUrlEncodedContent(ExchangeRequests.FromParentToken(parent.AccessToken!, "records:read")), AgentBasic(cluster),
            headers(ExchangeRequests.TokenEndpoint(http)), cancellationToken);
        Assert.Equal(before, await cluster.CountSessionsAsync(cancellationToken));
        return outcome;
    }
}
