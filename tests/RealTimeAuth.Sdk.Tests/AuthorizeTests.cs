using RealTimeAuth.Protocol.Grpc;
using RealTimeAuth.Protocol.Live;
using RealTimeAuth.Sdk.Tests.Fakes;

namespace RealTimeAuth.Sdk.Tests;

[Trait("Tier", "Functional")]
public sealed class AuthorizeTests : SdkTestBase
{
    [Fact]
    public async Task AuthorizeAsync_ServerAllows_ReturnsAllowedAndSendsRequestWithCurrentToken()
    {
        var client = await ConnectAsync("mail:read");
        Server.Live.Decide = _ => new AuthorizeResponse { Decision = true, Reason = "allowed", PolicyVersion = "v7" };

        var result = await client.AuthorizeAsync("mail.read", "mailbox", "inbox", new Dictionary<string, string> { ["purpose"] = "triage" })
            .WaitAsync(TestTimeouts.Default);

        Assert.Equal(new RtaAuthorizationResult(true, "allowed", "v7"), result);
        Assert.False(result.DecidedLocally);
        var call = Assert.Single(Server.Live.AuthorizeCalls);
        Assert.Equal("mail.read", call.Request.Action);
        Assert.Equal("mailbox", call.Request.Resource.Type);
        Assert.Equal("inbox", call.Request.Resource.Id);
        Assert.Equal("triage", call.Request.Context["purpose"]);
        Assert.Equal($"RTA {client.CurrentToken}", call.Authorization);
    }

    [Fact]
    public async Task AuthorizeAsync_ServerDenies_ReturnsDeniedWithReasonAndNoPolicyVersion()
    {
        var client = await ConnectAsync("mail:read");
        Server.Live.Decide = _ => new AuthorizeResponse { Decision = false, Reason = "scope-missing" };

        var result = await client.AuthorizeAsync("mail.send", "mailbox", "outbox").WaitAsync(TestTimeouts.Default);

        Assert.Equal(new RtaAuthorizationResult(false, "scope-missing", null), result);
    }

    [Fact]
    public async Task AuthorizeAsync_AfterTokenRefresh_SendsRefreshedToken()
    {
        var client = await ConnectAsync("mail:read");
        var stream = await Server.Live.NextStreamAsync();
        await stream.HelloAsync();
        var fresh = FakeTokens.Create(2);
        stream.PushRefresh(1, fresh, 2);
        await stream.NextAckAsync();

        await client.AuthorizeAsync("mail.read", "mailbox", "inbox").WaitAsync(TestTimeouts.Default);

        Assert.Equal($"RTA {fresh}", Assert.Single(Server.Live.AuthorizeCalls).Authorization);
    }

    [Fact]
    public async Task AuthorizeAsync_WhileStreamOpen_RunsOnTheStreamsHttp2Connection()
    {
        var client = await ConnectAsync("mail:read");
        var stream = await Server.Live.NextStreamAsync();
        await stream.HelloAsync();

        await client.AuthorizeAsync("mail.read", "mailbox", "inbox").WaitAsync(TestTimeouts.Default);

        Assert.Equal(stream.ConnectionId, Assert.Single(Server.Live.AuthorizeCalls).ConnectionId);
    }

    [Fact]
    public async Task AuthorizeAsync_AfterRevocationPushed_DeniesLocallyWithoutServerCall()
    {
        var client = await ConnectAsync("mail:read");
        var stream = await Server.Live.NextStreamAsync();
        await stream.HelloAsync();
        stream.PushRevocation(1, RtaRevocationReasons.UserRevoked, 9, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        await client.WaitForStateAsync(RtaConnectionState.Revoked);

        var result = await client.AuthorizeAsync("mail.read", "mailbox", "inbox").WaitAsync(TestTimeouts.Default);

        Assert.False(result.Allowed);
        Assert.Equal(RtaRevocationReasons.UserRevoked, result.Reason);
        Assert.True(result.DecidedLocally);
        Assert.Empty(Server.Live.AuthorizeCalls);
    }

    [Fact]
    public async Task AuthorizeAsync_ServerRefusesSessionRevoked_DeniesAndEndsSession()
    {
        var client = await ConnectAsync("mail:read");
        var revoked = new EventRecorder<RtaRevokedEventArgs>();
        client.Revoked += revoked.Record;
        await client.WaitForStateAsync(RtaConnectionState.Connected);
        Server.Live.RefuseAuthorizeWith = RtaRevocationReasons.SessionRevoked;

        var result = await client.AuthorizeAsync("mail.read", "mailbox", "inbox").WaitAsync(TestTimeouts.Default);

        Assert.Equal(new RtaAuthorizationResult(false, RtaRevocationReasons.SessionRevoked, null), result);
        Assert.False((await revoked.NextAsync()).Pushed);
        Assert.Equal(RtaConnectionState.Revoked, client.State);
        var next = await client.AuthorizeAsync("mail.read", "mailbox", "inbox").WaitAsync(TestTimeouts.Default);
        Assert.True(next.DecidedLocally);
        Assert.Single(Server.Live.AuthorizeCalls);
    }

    [Fact]
    public async Task AuthorizeAsync_ServerRefusesStaleContext_DeniesButSessionContinues()
    {
        var client = await ConnectAsync("mail:read");
        await client.WaitForStateAsync(RtaConnectionState.Connected);
        Server.Live.RefuseAuthorizeWith = "token-stale-context";

        var result = await client.AuthorizeAsync("mail.read", "mailbox", "inbox").WaitAsync(TestTimeouts.Default);

        Assert.Equal(new RtaAuthorizationResult(false, "token-stale-context", null), result);
        Assert.Equal(RtaConnectionState.Connected, client.State);
    }
}
