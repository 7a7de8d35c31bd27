using System.Net;
using System.Net.Http.Headers;
using RealTimeAuth.Protocol.Binding;

namespace RealTimeAuth.Sdk.Tests.Binding;

[Trait("Tier", "Functional")]
public sealed class TokenHandlerBindingTests : SdkTestBase
{
    [Fact]
    public async Task SendAsync_EachRequest_CarriesAFreshProofForItsMethodUriAndToken()
    {
        var rta = await ConnectAsync("mail:read");
        var server = new ProofCheckingHandler(rta.Proofs.KeyThumbprint);
        using var http = new HttpClient(new RtaTokenHandler(rta, server));

        await http.GetAsync(new Uri("https://tools.example/mail?folder=inbox")).WaitAsync(TestTimeouts.Default);
        await http.PostAsync(new Uri("https://tools.example/mail/send"), new StringContent("hi")).WaitAsync(TestTimeouts.Default);

        Assert.Equal(2, server.Seen.Count);
        Assert.All(server.Seen, seen => Assert.Null(seen.RejectionReason));
        Assert.NotEqual(server.Seen[0].Jti, server.Seen[1].Jti);
    }

    [Fact]
    public async Task SendAsync_ThroughAccessor_UsesTheAccessorsSessionKey()
    {
        var rta = await ConnectAsync("mail:read");
        var server = new ProofCheckingHandler(rta.Proofs.KeyThumbprint);
        using var http = new HttpClient(new RtaTokenHandler(new RtaClientAccessor { Client = rta }, server));

        await http.GetAsync(new Uri("https://tools.example/mail")).WaitAsync(TestTimeouts.Default);

        Assert.Null(Assert.Single(server.Seen).RejectionReason);
    }

    [Fact]
    public async Task SendAsync_ServerAnswersUseDpopNonce_RetriesOnceWithTheNonceAndKeepsIt()
    {
        var rta = await ConnectAsync("mail:read");
        var server = new ProofCheckingHandler(rta.Proofs.KeyThumbprint) { RequireNonce = "rs-nonce-1" };
        using var http = new HttpClient(new RtaTokenHandler(rta, server));

        using var first = await http.GetAsync(new Uri("https://tools.example/mail")).WaitAsync(TestTimeouts.Default);
        using var second = await http.GetAsync(new Uri("https://tools.example/mail")).WaitAsync(TestTimeouts.Default);

        Assert.Equal(HttpStatusCode.NoContent, first.StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, second.StatusCode);
        Assert.Equal(3, server.Seen.Count);
        Assert.Equal(DpopRejectionReasons.NonceRequired, server.Seen[0].RejectionReason);
        Assert.All(server.Seen.Skip(1), seen => Assert.True(seen.IsValid));
    }

    [Fact]
    public async Task SendAsync_NonceRefusedAgain_ReturnsTheSecond401WithoutAThirdTry()
    {
        var rta = await ConnectAsync("mail:read");
        var server = new ProofCheckingHandler(rta.Proofs.KeyThumbprint) { RequireNonce = "rs-nonce-1", RotateNonce = true };
        using var http = new HttpClient(new RtaTokenHandler(rta, server));

        using var response = await http.GetAsync(new Uri("https://tools.example/mail")).WaitAsync(TestTimeouts.Default);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(2, server.Seen.Count);
    }

    [Fact]
    public void Constructor_TokenSourceWithoutKey_Throws() =>
        Assert.Throws<ArgumentException>(() => new RtaTokenHandler(new BareTokenSource()));

    private sealed class BareTokenSource : IRtaTokenSource
    {
        public string? CurrentToken => "copied-token";
    }

    /// <summary>A resource server: verifies each proof against its own request, answering a nonce challenge when told to.</summary>
    private sealed class ProofCheckingHandler(string keyThumbprint) : HttpMessageHandler
    {
        private int _nonces;

        public string? RequireNonce { get; set; }

        /// <summary>Wants a new nonce after every challenge, so a client that kept retrying would never get through.</summary>
        public bool RotateNonce { get; init; }

        public List<DpopProofValidationResult> Seen { get; } = [];

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var token = request.Headers.Authorization!.Parameter!;
            Assert.Equal("RTA", request.Headers.Authorization.Scheme);
            var result = DpopProofValidator.Validate(request.Headers.GetValues(RtaBindingNames.ProofHeader).Single(), new DpopProofExpectations
            {
                Method = request.Method.Method,
                Uri = request.RequestUri!.AbsoluteUri,
                Now = DateTimeOffset.UtcNow,
                FreshnessWindow = TimeSpan.FromSeconds(60),
                ClockSkew = TimeSpan.FromSeconds(5),
                AccessTokenHash = DpopAccessTokenHash.Compute(token),
                Nonce = RequireNonce,
                JwkThumbprint = keyThumbprint,
            });
            Seen.Add(result);
            if (result.RejectionReason is DpopRejectionReasons.NonceRequired or DpopRejectionReasons.WrongNonce)
            {
                var challenge = new HttpResponseMessage(HttpStatusCode.Unauthorized);
                challenge.Headers.WwwAuthenticate.Add(new AuthenticationHeaderValue("DPoP", "error=\"use_dpop_nonce\", error_description=\"Resource server requires nonce in DPoP proof\""));
                challenge.Headers.Add(RtaBindingNames.NonceHeader, RequireNonce);
                if (RotateNonce)
                {
                    RequireNonce = $"rs-nonce-rotated-{Interlocked.Increment(ref _nonces)}";
                }

                return Task.FromResult(challenge);
            }

            return Task.FromResult(new HttpResponseMessage(result.IsValid ? HttpStatusCode.NoContent : HttpStatusCode.Unauthorized));
        }
    }
}
