namespace RealTimeAuth.Sdk.Tests.Binding;

/// <summary>
/// With service discovery (Aspire's <c>https+http://server</c>) the configured URI is not the one on the wire, and the
/// server checks <c>htu</c> against the request it received. The fake server checks exactly that.
/// </summary>
[Trait("Tier", "Functional")]
public sealed class ServiceDiscoveryProofTests : SdkTestBase
{
    [Fact]
    public async Task ConnectAuthorizeDelegate_HandlerRewritesUris_ProofsNameTheUriOnTheWire()
    {
        Server.Tokens.GrpcAddress = "http://rta-live.internal/";
        var options = Server.CreateOptions();
        options.ServerAddress = new Uri("http://rta-server.internal/");
        var resolver = new Dictionary<string, Uri>
        {
            ["rta-server.internal"] = Server.HttpAddress,
            ["rta-live.internal"] = Server.GrpcAddress,
        };

        // HttpClientHandler, not SocketsHttpHandler: on the latter gRPC's own balancer would resolve the name first.
        using var factory = new RtaClientFactory(options, () => new ResolvingHandler(resolver) { InnerHandler = new HttpClientHandler() });

        await using var parent = await factory.ConnectAsync("idp-access-token", ["mail:read"]).WaitAsync(TestTimeouts.Default);
        var stream = await Server.Live.NextStreamAsync();
        await parent.WaitForStateAsync(RtaConnectionState.Connected);
        Server.Live.ForgetBindings = true;
        var decision = await parent.AuthorizeAsync("mail.read", "mailbox", "inbox").WaitAsync(TestTimeouts.Default);
        await using var child = await parent.CreateChildAsync(new RtaAgentIdentity { Id = "summarizer-1" }, ["mail:read"]).WaitAsync(TestTimeouts.Default);

        Assert.Equal(parent.Proofs.KeyThumbprint, stream.Proof.KeyThumbprint);
        Assert.True(decision.Allowed);
        Assert.NotNull(Server.Live.AuthorizeCalls[^1].Proof);
        Assert.All(Server.Tokens.Requests, request => Assert.Null(request.ProofRejection));
        Assert.NotNull(Server.Tokens.Requests[^1].ParentProof);
    }

    /// <summary>Stands in for a service-discovery handler: rewrites logical host names to the addresses they resolve to.</summary>
    private sealed class ResolvingHandler(IReadOnlyDictionary<string, Uri> addresses) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (addresses.TryGetValue(request.RequestUri!.Host, out var address))
            {
                request.RequestUri = new UriBuilder(request.RequestUri) { Host = address.Host, Port = address.Port }.Uri;
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
