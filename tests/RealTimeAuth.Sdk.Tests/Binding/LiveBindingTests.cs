using RealTimeAuth.Protocol.Binding;
using RealTimeAuth.Protocol.Live;

namespace RealTimeAuth.Sdk.Tests.Binding;

[Trait("Tier", "Functional")]
public sealed class LiveBindingTests : SdkTestBase
{
    [Fact]
    public async Task Reconnect_EachStreamOpensWithAFreshProofBySessionKey()
    {
        var client = await ConnectAsync("mail:read");
        var first = await Server.Live.NextStreamAsync();
        await first.HelloAsync();

        first.Abort();
        var second = await Server.Live.NextStreamAsync();
        await second.HelloAsync();

        Assert.Equal(client.Proofs.KeyThumbprint, first.Proof.KeyThumbprint);
        Assert.Equal(client.Proofs.KeyThumbprint, second.Proof.KeyThumbprint);
        Assert.NotEqual(first.Proof.Jti, second.Proof.Jti);
        Assert.NotEqual(first.Binding, second.Binding);
    }

    [Fact]
    public async Task AuthorizeAsync_StreamOpen_SendsStreamBindingAndNoProof()
    {
        var client = await ConnectAsync("mail:read");
        var stream = await Server.Live.NextStreamAsync();
        await client.WaitForStateAsync(RtaConnectionState.Connected);

        var result = await client.AuthorizeAsync("mail.read", "mailbox", "inbox").WaitAsync(TestTimeouts.Default);

        Assert.True(result.Allowed);
        var call = Assert.Single(Server.Live.AuthorizeCalls);
        Assert.Equal(stream.Binding, call.StreamBinding);
        Assert.Null(call.Proof);
        Assert.Null(call.Refusal);
    }

    [Fact]
    public async Task AuthorizeAsync_NoStreamYet_SendsProofBySessionKey()
    {
        Server.Live.RefuseConnectWith = RtaBindingReasons.ReplayCheckUnavailable;
        var client = await ConnectAsync("mail:read");
        await client.WaitForStateAsync(RtaConnectionState.Reconnecting);

        var result = await client.AuthorizeAsync("mail.read", "mailbox", "inbox").WaitAsync(TestTimeouts.Default);

        Assert.True(result.Allowed);
        var call = Assert.Single(Server.Live.AuthorizeCalls);
        Assert.Null(call.StreamBinding);
        Assert.Equal(client.Proofs.KeyThumbprint, call.Proof!.KeyThumbprint);
    }

    [Fact]
    public async Task ConnectRefusedReplayCheckUnavailable_KeepsReconnectingWithoutEndingTheSession()
    {
        Server.Live.RefuseConnectWith = RtaBindingReasons.ReplayCheckUnavailable;
        var client = await ConnectAsync("mail:read");

        await client.WaitForStateAsync(RtaConnectionState.Reconnecting);
        Server.Live.RefuseConnectWith = null;

        // A session that had ended could never come back to Connected.
        await client.WaitForStateAsync(RtaConnectionState.Connected);
        Assert.True(Server.Live.ConnectAttempts >= 2);
    }

    [Fact]
    public async Task AuthorizeAsync_StreamBindingUnknownWhereTheCallLanded_RetriesOnceWithProof()
    {
        var client = await ConnectAsync("mail:read");
        var stream = await Server.Live.NextStreamAsync();
        await client.WaitForStateAsync(RtaConnectionState.Connected);
        Server.Live.ForgetBindings = true;

        var result = await client.AuthorizeAsync("mail.read", "mailbox", "inbox").WaitAsync(TestTimeouts.Default);

        Assert.True(result.Allowed);
        var calls = Server.Live.AuthorizeCalls;
        Assert.Equal(2, calls.Count);
        Assert.Equal(stream.Binding, calls[0].StreamBinding);
        Assert.Equal(RtaBindingReasons.StreamBindingUnknown, calls[0].Refusal);
        Assert.Null(calls[1].StreamBinding);
        Assert.Equal(client.Proofs.KeyThumbprint, calls[1].Proof!.KeyThumbprint);
    }

    [Fact]
    public async Task AuthorizeAsync_ServerAsksForNonce_RetriesOnceWithTheNonce()
    {
        Server.Live.RefuseConnectWith = RtaBindingReasons.ReplayCheckUnavailable;
        var client = await ConnectAsync("mail:read");
        Server.Tokens.Proofs.RequireNonce = "live-nonce-1";

        var result = await client.AuthorizeAsync("mail.read", "mailbox", "inbox").WaitAsync(TestTimeouts.Default);

        Assert.True(result.Allowed);
        var calls = Server.Live.AuthorizeCalls;
        Assert.Equal(2, calls.Count);
        Assert.Equal(DpopRejectionReasons.NonceRequired, calls[0].Refusal);
        Assert.NotNull(calls[1].Proof);
        Assert.Equal("live-nonce-1", client.Proofs.Nonce);
    }

    [Theory]
    [InlineData(DpopRejectionReasons.WrongKey)]
    [InlineData(RtaBindingReasons.ReplayedProof)]
    [InlineData(RtaBindingReasons.SessionUnbound)]
    public async Task AuthorizeAsync_ServerRefusesBinding_DeniesWithTheReasonCode(string reason)
    {
        var client = await ConnectAsync("mail:read");
        await client.WaitForStateAsync(RtaConnectionState.Connected);
        Server.Live.RefuseAuthorizeWith = reason;

        var result = await client.AuthorizeAsync("mail.read", "mailbox", "inbox").WaitAsync(TestTimeouts.Default);

        Assert.Equal(new RtaAuthorizationResult(false, reason, null), result);
        Assert.Equal(RtaConnectionState.Connected, client.State);
    }

    [Fact]
    public async Task StreamSuperseded_NoOtherStreamOfThisClient_SurfacesAndReconnectsWithFreshProof()
    {
        var logs = new CapturingLoggerProvider();
        using var factory = new RtaClientFactory(Options, loggerFactory: logs.CreateFactory());
        await using var client = await factory.ConnectAsync("idp-access-token", ["mail:read"]).WaitAsync(TestTimeouts.Default);
        var states = new EventRecorder<RtaConnectionStateChangedEventArgs>();
        client.ConnectionStateChanged += states.Record;
        var first = await Server.Live.NextStreamAsync();
        await first.HelloAsync();

        first.Supersede();

        var lost = await states.FirstAsync(change => change.State == RtaConnectionState.Reconnecting);
        Assert.Equal(RtaStreamCloseReasons.Superseded, lost.Reason);
        var second = await Server.Live.NextStreamAsync();
        await second.HelloAsync();
        Assert.NotEqual(first.Proof.Jti, second.Proof.Jti);
        await client.WaitForStateAsync(RtaConnectionState.Connected);
        Assert.Contains(logs.Entries, entry => entry.EventId == 10 && entry.Level == Microsoft.Extensions.Logging.LogLevel.Warning);
    }
}
