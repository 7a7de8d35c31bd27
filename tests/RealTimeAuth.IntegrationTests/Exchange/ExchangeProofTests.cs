using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using RealTimeAuth.IntegrationTests.Infrastructure;
using RealTimeAuth.Protocol.Binding;
using RealTimeAuth.Testing;
using RealTimeAuth.Testing.Hosting;

namespace RealTimeAuth.IntegrationTests.Exchange;

/// <summary>
/// The new session's proof of possession on <c>POST /oauth/token</c> (RFC 9449 §5), sent raw over real HTTP: every bad
/// proof is refused <c>invalid_dpop_proof</c> with its own reason code, and the <c>sessions</c> table does not grow.
/// </summary>
[Collection(InfrastructureCollection.Name)]
[Trait("Tier", "Functional")]
public sealed class ExchangeProofTests(InfrastructureFixture infrastructure, DevIdpFixture idp, SharedCluster shared)
    : IClassFixture<SharedCluster>
{
    [Fact]
    public async Task Exchange_WithoutProof_RefusedProofMissing()
    {
        using var timeout = TestTimeouts.Start();
        var (cluster, server) = await StartAsync();

        var outcome = await PostCreatingNothingAsync(cluster, server, await UserTokenAsync(timeout.Token), _ => [], timeout.Token);

        AssertProofRefused(outcome, DpopRejectionReasons.ProofMissing);
    }

    [Fact]
    public async Task Exchange_GarbageSubjectTokenAndNoProof_RefusesTheProofBeforeTheSubjectToken()
    {
        using var timeout = TestTimeouts.Start();
        var (cluster, server) = await StartAsync();

        var outcome = await PostCreatingNothingAsync(cluster, server, "not-a-token", _ => [], timeout.Token);

        AssertProofRefused(outcome, DpopRejectionReasons.ProofMissing);
    }

    [Fact]
    public async Task Exchange_ProofForAnotherMethod_RefusedWrongMethod()
    {
        using var timeout = TestTimeouts.Start();
        var (cluster, server) = await StartAsync();
        using var key = ProofKey.Create();

        var outcome = await PostCreatingNothingAsync(
            cluster, server, await UserTokenAsync(timeout.Token), endpoint => [Proof(key.Writer.Write("GET", endpoint.AbsoluteUri))], timeout.Token);

        AssertProofRefused(outcome, DpopRejectionReasons.WrongMethod);
    }

    [Fact]
    public async Task Exchange_ProofForAnotherUri_RefusedWrongUri()
    {
        using var timeout = TestTimeouts.Start();
        var (cluster, server) = await StartAsync();
        using var key = ProofKey.Create();

        var outcome = await PostCreatingNothingAsync(
            cluster, server, await UserTokenAsync(timeout.Token), endpoint => [Proof(key.ProvePost(new Uri(endpoint, "/live/v1/authorize")))], timeout.Token);

        AssertProofRefused(outcome, DpopRejectionReasons.WrongUri);
    }

    [Theory]
    [InlineData(-10, DpopRejectionReasons.StaleProof)]
    [InlineData(10, DpopRejectionReasons.FutureProof)]
    public async Task Exchange_ProofDatedOutsideTheWindow_RefusedStaleOrFuture(int minutes, string reason)
    {
        using var timeout = TestTimeouts.Start();
        var (cluster, server) = await StartAsync();
        using var key = ProofKey.Create(new ShiftedClock(TimeSpan.FromMinutes(minutes)));

        var outcome = await PostCreatingNothingAsync(cluster, server, await UserTokenAsync(timeout.Token), endpoint => [Proof(key.ProvePost(endpoint))], timeout.Token);

        AssertProofRefused(outcome, reason);
    }

    [Fact]
    public async Task Exchange_SameProofTwice_SecondRefusedReplayedProof()
    {
        using var timeout = TestTimeouts.Start();
        var (cluster, server) = await StartAsync();
        using var key = ProofKey.Create();
        using var http = server.CreateHttpClient();
        var proof = key.ProvePost(ExchangeRequests.TokenEndpoint(http));
        var first = await ExchangeRequests.SendAsync(
            http, new FormUrlEncodedContent(ExchangeRequests.FromUserToken(await UserTokenAsync(timeout.Token))), CopilotBasic(cluster), [Proof(proof)],
            timeout.Token);
        Assert.True(first.Status == HttpStatusCode.OK, first.ToString());

        var replay = await PostCreatingNothingAsync(cluster, server, await UserTokenAsync(timeout.Token), _ => [Proof(proof)], timeout.Token);

        AssertProofRefused(replay, RtaBindingReasons.ReplayedProof);
    }

    [Fact]
    public async Task Exchange_TamperedSignature_RefusedBadSignature()
    {
        using var timeout = TestTimeouts.Start();
        var (cluster, server) = await StartAsync();
        using var key = ProofKey.Create();

        var outcome = await PostCreatingNothingAsync(
            cluster, server, await UserTokenAsync(timeout.Token), endpoint => [Proof(HandWrittenProofs.TamperSignature(key.ProvePost(endpoint)))],
            timeout.Token);

        AssertProofRefused(outcome, DpopRejectionReasons.BadSignature);
    }

    [Theory]
    [InlineData("short-x", DpopRejectionReasons.MalformedJwk)]
    [InlineData("es256", DpopRejectionReasons.UnsupportedAlgorithm)]
    [InlineData("private-key", DpopRejectionReasons.PrivateKeyInJwk)]
    public async Task Exchange_HandWrittenProofHeader_RefusedWithItsReason(string shape, string reason)
    {
        using var timeout = TestTimeouts.Start();
        var (cluster, server) = await StartAsync();
        using var key = HandWrittenProofs.NewKey();
        var jwk = HandWrittenProofs.JwkMembers(key);
        var header = shape switch
        {
            "short-x" => "{\"typ\":\"dpop+jwt\",\"alg\":\"EdDSA\",\"jwk\":{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"x\":\"" + HandWrittenProofs.RandomBase64Url(31) + "\"}}",
            "es256" => "{\"typ\":\"dpop+jwt\",\"alg\":\"ES256\",\"jwk\":{" + jwk + "}}",
            _ => "{\"typ\":\"dpop+jwt\",\"alg\":\"EdDSA\",\"jwk\":{" + jwk + ",\"d\":\"" + HandWrittenProofs.RandomBase64Url(32) + "\"}}",
        };

        var outcome = await PostCreatingNothingAsync(
            cluster, server, await UserTokenAsync(timeout.Token), endpoint => [Proof(HandWrittenProofs.Post(header, endpoint, key))], timeout.Token);

        AssertProofRefused(outcome, reason);
    }

    [Fact]
    public async Task Exchange_TwoProofHeaders_RefusedMalformedProof()
    {
        using var timeout = TestTimeouts.Start();
        var (cluster, server) = await StartAsync();
        using var key = ProofKey.Create();

        var outcome = await PostCreatingNothingAsync(
            cluster, server, await UserTokenAsync(timeout.Token), endpoint => [Proof(key.ProvePost(endpoint)), Proof(key.ProvePost(endpoint))], timeout.Token);

        AssertProofRefused(outcome, DpopRejectionReasons.MalformedProof);
    }

    [Fact]
    public async Task Exchange_RedisDown_Returns503ReplayCheckUnavailable()
    {
        using var timeout = TestTimeouts.Start();
        var (cluster, server) = await StartAsync();
        var userToken = await UserTokenAsync(timeout.Token);
        using var key = ProofKey.Create();
        ExchangeOutcome outcome;
        try
        {
            await infrastructure.StopRedisAsync().WaitAsync(TestTimeouts.Startup, timeout.Token);
            outcome = await PostCreatingNothingAsync(cluster, server, userToken, endpoint => [Proof(key.ProvePost(endpoint))], timeout.Token);
        }
        finally
        {
            await infrastructure.StartRedisAsync().WaitAsync(TestTimeouts.Startup, CancellationToken.None);
        }

        Assert.True(outcome is { Status: HttpStatusCode.ServiceUnavailable, Error: "temporarily_unavailable" }, outcome.ToString());
        Assert.StartsWith(RtaBindingReasons.ReplayCheckUnavailable + ":", outcome.ErrorDescription, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metadata_NamesEdDsaAsTheOnlyProofAlgorithm()
    {
        using var timeout = TestTimeouts.Start();
        var (_, server) = await StartAsync();
        using var http = server.CreateHttpClient();

        using var metadata = JsonDocument.Parse(await http.GetStringAsync(".well-known/oauth-authorization-server", timeout.Token));

        Assert.Equal(
            [RtaBindingNames.Algorithm],
            metadata.RootElement.GetProperty("dpop_signing_alg_values_supported").EnumerateArray().Select(alg => alg.GetString()));
    }

    private async Task<(ServerCluster Cluster, ServerHost Server)> StartAsync()
    {
        var cluster = await shared.GetAsync(infrastructure, idp, "exchange-proof");
        return (cluster, cluster.Replicas[0]);
    }

    private Task<string> UserTokenAsync(CancellationToken cancellationToken) => idp.UserAccessTokenAsync(cancellationToken);

    private static KeyValuePair<string, string> Proof(string value) => new(RtaBindingNames.ProofHeader, value);

    private static AuthenticationHeaderValue CopilotBasic(ServerCluster cluster) =>
        ExchangeRequests.Basic(ServerCluster.CopilotClientId, cluster.CopilotSecret);

    /// <summary>Posts a valid root exchange form with exactly the given proof headers; asserts the <c>sessions</c> table did not grow.</summary>
    private static async Task<ExchangeOutcome> PostCreatingNothingAsync(
        ServerCluster cluster, ServerHost server, string userToken, Func<Uri, KeyValuePair<string, string>[]> headers, CancellationToken cancellationToken)
    {
        using var http = server.CreateHttpClient();
        var before = await cluster.CountSessionsAsync(cancellationToken);
        var outcome = await ExchangeRequests.SendAsync(
            http, new FormUrlEncodedContent(ExchangeRequests.FromUserToken(userToken)), CopilotBasic(cluster), headers(ExchangeRequests.TokenEndpoint(http)),
            cancellationToken);
        Assert.Equal(before, await cluster.CountSessionsAsync(cancellationToken));
        return outcome;
    }

    internal static void AssertProofRefused(ExchangeOutcome outcome, string reason)
    {
        Assert.True(outcome is { Status: HttpStatusCode.BadRequest, Error: RtaBindingNames.Errors.InvalidDpopProof }, $"Expected 400 invalid_dpop_proof, got {outcome}.");
        Assert.StartsWith(reason + ":", outcome.ErrorDescription, StringComparison.Ordinal);
        Assert.Contains("no-store", outcome.CacheControl, StringComparison.Ordinal);
        Assert.Null(outcome.AccessToken);
    }

    /// <summary>The system clock moved by a fixed offset, for proofs dated outside the server's window.</summary>
    private sealed class ShiftedClock(TimeSpan offset) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + offset;
    }
}
