using System.Net;
using RealTimeAuth.Protocol.Binding;
using RealTimeAuth.Protocol.Exchange;

namespace RealTimeAuth.Sdk.Tests.Binding;

[Trait("Tier", "Functional")]
public sealed class ExchangeBindingTests : SdkTestBase
{
    [Fact]
    public async Task ConnectAsync_TwoSessions_EachExchangeProvesANewKeyTheSessionIsBoundTo()
    {
        var first = await ConnectAsync("mail:read");
        var second = await ConnectAsync("mail:read");

        var requests = Server.Tokens.Requests;
        Assert.Equal(2, requests.Count);
        Assert.All(requests, request => Assert.Null(request.ProofRejection));
        Assert.All(requests, request => Assert.Null(request.ParentProof));
        Assert.Equal(first.Proofs.KeyThumbprint, requests[0].Proof!.KeyThumbprint);
        Assert.Equal(second.Proofs.KeyThumbprint, requests[1].Proof!.KeyThumbprint);
        Assert.NotEqual(requests[0].Proof!.KeyThumbprint, requests[1].Proof!.KeyThumbprint);
        Assert.Equal(Server.Tokens.KeyOf(first.SessionId), first.Proofs.KeyThumbprint);
    }

    [Fact]
    public async Task CreateChildAsync_ParentConnected_SendsChildProofAndParentProofByDistinctKeys()
    {
        var parent = await ConnectAsync("mail:read", "mail:send");

        var child = Track(await parent.CreateChildAsync(new RtaAgentIdentity { Id = "summarizer-1" }, ["mail:read"]).WaitAsync(TestTimeouts.Default));

        var request = Server.Tokens.Requests[^1];
        Assert.Null(request.ProofRejection);
        Assert.Equal(child.Proofs.KeyThumbprint, request.Proof!.KeyThumbprint);
        Assert.Equal(Server.Tokens.KeyOf(parent.SessionId), request.ParentProof!.KeyThumbprint);
        Assert.NotEqual(request.Proof.KeyThumbprint, request.ParentProof.KeyThumbprint);
        Assert.NotEqual(request.Proof.Jti, request.ParentProof.Jti);
        await child.WaitForStateAsync(RtaConnectionState.Connected);
    }

    [Fact]
    public async Task ConnectAsync_ParentTokenThroughAnotherFactory_ProvesTheLiveParentsKey()
    {
        var parent = await ConnectAsync("mail:read");
        using var other = new RtaClientFactory(Server.CreateOptions());

        await using var child = await other.ConnectAsync(DelegationOf(parent.CurrentToken)).WaitAsync(TestTimeouts.Default);

        var request = Server.Tokens.Requests[^1];
        Assert.Null(request.ProofRejection);
        Assert.Equal(parent.Proofs.KeyThumbprint, request.ParentProof!.KeyThumbprint);
        Assert.Equal(parent.SessionId, child.ParentSessionId);
    }

    [Fact]
    public async Task ConnectAsync_CopiedParentTokenWithoutItsSession_IsRefusedParentProofMissing()
    {
        var parent = await ConnectAsync("mail:read");
        var copied = parent.CurrentToken;
        await parent.DisposeAsync();

        var exception = await Assert.ThrowsAsync<RtaExchangeException>(() => Factory.ConnectAsync(DelegationOf(copied)));

        Assert.Equal(RtaBindingNames.Errors.InvalidDpopProof, exception.Error);
        Assert.StartsWith($"{RtaBindingReasons.ParentProofMissing}:", exception.ErrorDescription, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConnectAsync_ServerAsksForNonce_RetriesOnceWithTheNonce()
    {
        Server.Tokens.Proofs.RequireNonce = "nonce-from-server-1";

        var client = await ConnectAsync("mail:read");

        var requests = Server.Tokens.Requests;
        Assert.Equal(2, requests.Count);
        Assert.Equal(DpopRejectionReasons.NonceRequired, requests[0].ProofRejection);
        Assert.Null(requests[1].ProofRejection);
        Assert.Equal("nonce-from-server-1", client.Proofs.Nonce);
    }

    [Fact]
    public async Task CreateChildAsync_ServerAsksForNonce_BothProofsCarryTheNonce()
    {
        var parent = await ConnectAsync("mail:read");
        Server.Tokens.Proofs.RequireNonce = "nonce-from-server-2";

        Track(await parent.CreateChildAsync(new RtaAgentIdentity { Id = "summarizer-1" }, ["mail:read"]).WaitAsync(TestTimeouts.Default));

        var last = Server.Tokens.Requests[^1];
        Assert.Null(last.ProofRejection);
        Assert.NotNull(last.ParentProof);
        Assert.Equal(DpopRejectionReasons.NonceRequired, Server.Tokens.Requests[^2].ProofRejection);
    }

    [Fact]
    public async Task ConnectAsync_ServerRefusesProof_ThrowsInvalidDpopProofWithoutRetry()
    {
        using var factory = new RtaClientFactory(WithKeys(new ForgingKeyFactory()));

        var exception = await Assert.ThrowsAsync<RtaExchangeException>(() => factory.ConnectAsync("idp-access-token", ["mail:read"]));

        Assert.Equal(RtaBindingNames.Errors.InvalidDpopProof, exception.Error);
        Assert.StartsWith($"{DpopRejectionReasons.BadSignature}:", exception.ErrorDescription, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, exception.StatusCode);
        Assert.Equal(DpopRejectionReasons.BadSignature, Assert.Single(Server.Tokens.Requests).ProofRejection);
        Assert.Equal(0, Server.Live.ConnectAttempts);
    }

    private static RtaSessionRequest DelegationOf(string parentToken) => new()
    {
        SubjectToken = parentToken,
        SubjectTokenType = RtaExchangeNames.RtaTokenType,
        Scopes = ["mail:read"],
        Agent = new RtaAgentIdentity { Id = "summarizer-1" },
    };

    private RtaClientOptions WithKeys(IRtaSessionKeyFactory keys)
    {
        var options = Server.CreateOptions();
        options.SessionKeys = keys;
        return options;
    }

    /// <summary>Keys whose signatures are garbage, as a key that is not the one its public half names would make.</summary>
    private sealed class ForgingKeyFactory : IRtaSessionKeyFactory
    {
        public IDpopSigningKey CreateSessionKey() => new ForgingKey();

        private sealed class ForgingKey : IDpopSigningKey
        {
            private readonly byte[] _publicKey = new RecordingKey().PublicKey.ToArray();

            public ReadOnlySpan<byte> PublicKey => _publicKey;

            public void Sign(ReadOnlySpan<byte> data, Span<byte> signature) => signature.Fill(7);
        }
    }
}
