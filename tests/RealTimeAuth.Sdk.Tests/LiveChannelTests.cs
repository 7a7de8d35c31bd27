using RealTimeAuth.Protocol.Grpc;
using RealTimeAuth.Protocol.Live;
using RealTimeAuth.Sdk.Tests.Fakes;

namespace RealTimeAuth.Sdk.Tests;

[Trait("Tier", "Functional")]
public sealed class LiveChannelTests : SdkTestBase
{
    [Fact]
    public async Task ConnectAsync_StreamOpens_SendsHelloWithZeroAndCurrentToken()
    {
        var client = await ConnectAsync("mail:read");

        var stream = await Server.Live.NextStreamAsync();
        var hello = await stream.HelloAsync();

        Assert.Equal(0UL, hello.ResumeAfter);
        Assert.Equal($"RTA {client.CurrentToken}", stream.Authorization);
        await client.WaitForStateAsync(RtaConnectionState.Connected);
    }

    [Fact]
    public async Task TokenRefreshPushed_CurrentTokenChangesEventRaisedAndAcked()
    {
        var client = await ConnectAsync("mail:read");
        var refreshed = new EventRecorder<RtaTokenRefreshedEventArgs>();
        client.TokenRefreshed += refreshed.Record;
        var stream = await Server.Live.NextStreamAsync();
        await stream.HelloAsync();
        var fresh = FakeTokens.Create(2);

        stream.PushRefresh(1, fresh, 2, freshUntilUnixMs: 1_900_000_000_000);

        var args = await refreshed.NextAsync();
        Assert.Equal(fresh, client.CurrentToken);
        Assert.Equal(2U, args.TokenSequence);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_900_000_000_000), args.FreshUntil);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1_900_000_000_000), client.TokenFreshUntil);
        Assert.Equal(RtaRefreshReasons.ContextChanged, args.Reason);
        Assert.Equal(1UL, await stream.NextAckAsync());
    }

    [Fact]
    public async Task OlderTokenPushedAfterNewer_CurrentTokenKeepsNewer()
    {
        var client = await ConnectAsync("mail:read");
        var stream = await Server.Live.NextStreamAsync();
        await stream.HelloAsync();
        var newer = FakeTokens.Create(5);

        stream.PushRefresh(1, newer, 5);
        stream.PushRefresh(2, FakeTokens.Create(4), 4);

        Assert.Equal(1UL, await stream.NextAckAsync());
        Assert.Equal(2UL, await stream.NextAckAsync());
        Assert.Equal(newer, client.CurrentToken);
    }

    [Fact]
    public async Task HeartbeatPushed_AckedWithoutTokenChange()
    {
        var client = await ConnectAsync("mail:read");
        var token = client.CurrentToken;
        var stream = await Server.Live.NextStreamAsync();
        await stream.HelloAsync();

        stream.Push(new ServerMessage { Sequence = 1, Heartbeat = new Heartbeat { ServerTimeUnixMs = 1, Replica = "a" } });

        Assert.Equal(1UL, await stream.NextAckAsync());
        Assert.Equal(token, client.CurrentToken);
        Assert.Equal(1UL, client.LastSequence);
    }

    [Fact]
    public async Task StreamAbortedByServer_ReconnectsWithResumeAfterLastSequenceAndFreshToken()
    {
        var client = await ConnectAsync("mail:read");
        var states = new EventRecorder<RtaConnectionStateChangedEventArgs>();
        client.ConnectionStateChanged += states.Record;
        var first = await Server.Live.NextStreamAsync();
        await first.HelloAsync();
        var fresh = FakeTokens.Create(2);
        first.PushRefresh(1, fresh, 2);
        first.Push(new ServerMessage { Sequence = 2, Heartbeat = new Heartbeat() });
        Assert.Equal(1UL, await first.NextAckAsync());
        Assert.Equal(2UL, await first.NextAckAsync());

        first.Abort();

        var second = await Server.Live.NextStreamAsync();
        var hello = await second.HelloAsync();
        Assert.Equal(2UL, hello.ResumeAfter);
        Assert.Equal($"RTA {fresh}", second.Authorization);
        var reconnecting = await states.FirstAsync(change => change.State == RtaConnectionState.Reconnecting);
        Assert.NotNull(reconnecting.Exception);
        await client.WaitForStateAsync(RtaConnectionState.Connected);
    }

    [Fact]
    public async Task StreamEndedByServer_Reconnects()
    {
        var client = await ConnectAsync("mail:read");
        var first = await Server.Live.NextStreamAsync();
        await first.HelloAsync();

        first.Complete();

        var second = await Server.Live.NextStreamAsync();
        Assert.Equal(0UL, (await second.HelloAsync()).ResumeAfter);
        await client.WaitForStateAsync(RtaConnectionState.Connected);
    }

    [Fact]
    public async Task RevocationPushed_RevokedRaisedOnceAndNoReconnect()
    {
        var client = await ConnectAsync("mail:read");
        var revoked = new EventRecorder<RtaRevokedEventArgs>();
        client.Revoked += revoked.Record;
        var stream = await Server.Live.NextStreamAsync();
        await stream.HelloAsync();
        var eventTime = DateTimeOffset.UtcNow.AddMilliseconds(-5).ToUnixTimeMilliseconds();

        stream.PushRevocation(1, RtaRevocationReasons.AncestorRevoked, 41, eventTime, detail: "co-pilot revoked by admin");

        var args = await revoked.NextAsync();
        Assert.Equal(RtaRevocationReasons.AncestorRevoked, args.Reason);
        Assert.Equal("co-pilot revoked by admin", args.Detail);
        Assert.Equal(41, args.EventSequence);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(eventTime), args.EventTime);
        Assert.True(args.Pushed);
        Assert.True(args.ReceivedAt >= args.EventTime);
        Assert.Equal(RtaConnectionState.Revoked, client.State);
        Assert.Equal(1UL, await stream.NextAckAsync());

        stream.Abort();
        // Once the stream has stopped for good, nothing can reconnect.
        await client.StreamStopped.WaitAsync(TestTimeouts.Default);
        Assert.Equal(1, Server.Live.ConnectAttempts);
        Assert.Equal(1, revoked.Count);
        Assert.Equal(RtaConnectionState.Revoked, client.State);
    }

    [Fact]
    public async Task ReconnectRefusedSessionRevoked_RevokedAndStopsReconnecting()
    {
        var client = await ConnectAsync("mail:read");
        var revoked = new EventRecorder<RtaRevokedEventArgs>();
        client.Revoked += revoked.Record;
        var stream = await Server.Live.NextStreamAsync();
        await stream.HelloAsync();
        Server.Live.RefuseConnectWith = RtaRevocationReasons.SessionRevoked;

        stream.Abort();

        var args = await revoked.NextAsync();
        Assert.Equal(RtaRevocationReasons.SessionRevoked, args.Reason);
        Assert.False(args.Pushed);
        Assert.Null(args.EventSequence);
        Assert.Equal(RtaConnectionState.Revoked, client.State);
        var attempts = Server.Live.ConnectAttempts;
        await client.StreamStopped.WaitAsync(TestTimeouts.Default);
        Assert.Equal(attempts, Server.Live.ConnectAttempts);
    }

    [Fact]
    public async Task ReconnectRefusedTokenExpired_ExpiredWithoutRevokedEvent()
    {
        var client = await ConnectAsync("mail:read");
        var revoked = new EventRecorder<RtaRevokedEventArgs>();
        client.Revoked += revoked.Record;
        var stream = await Server.Live.NextStreamAsync();
        await stream.HelloAsync();
        Server.Live.RefuseConnectWith = "token-expired";

        stream.Abort();

        await client.WaitForStateAsync(RtaConnectionState.Expired);
        var result = await client.AuthorizeAsync("mail.read", "mailbox", "inbox").WaitAsync(TestTimeouts.Default);
        Assert.False(result.Allowed);
        Assert.Equal("token-expired", result.Reason);
        Assert.Equal(0, revoked.Count);
    }

    [Fact]
    public async Task DisposeAsync_Connected_ClosesStreamAndRaisesDisposed()
    {
        var client = await ConnectAsync("mail:read");
        var states = new EventRecorder<RtaConnectionStateChangedEventArgs>();
        await Server.Live.NextStreamAsync();
        await client.WaitForStateAsync(RtaConnectionState.Connected);
        client.ConnectionStateChanged += states.Record;

        await client.DisposeAsync().AsTask().WaitAsync(TestTimeouts.Default);

        var change = await states.NextAsync();
        Assert.Equal(RtaConnectionState.Disposed, change.State);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => client.AuthorizeAsync("mail.read", "mailbox", "inbox"));
    }

    [Fact]
    public async Task RevokedHandlerDisposesClient_DoesNotDeadlock()
    {
        var client = await ConnectAsync("mail:read");
        var disposed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        client.Revoked += async (_, _) =>
        {
            await client.DisposeAsync();
            disposed.SetResult();
        };
        var stream = await Server.Live.NextStreamAsync();
        await stream.HelloAsync();

        stream.PushRevocation(1, RtaRevocationReasons.SessionRevoked, 3, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());

        await disposed.Task.WaitAsync(TestTimeouts.Default);
        Assert.Equal(RtaConnectionState.Disposed, client.State);
    }

    [Fact]
    public async Task EventHandlerThrows_OtherHandlersAndLaterMessagesStillProcessed()
    {
        var client = await ConnectAsync("mail:read");
        var refreshed = new EventRecorder<RtaTokenRefreshedEventArgs>();
        client.TokenRefreshed += (_, _) => throw new InvalidOperationException("handler bug");
        client.TokenRefreshed += refreshed.Record;
        var stream = await Server.Live.NextStreamAsync();
        await stream.HelloAsync();
        var last = FakeTokens.Create(3);

        stream.PushRefresh(1, FakeTokens.Create(2), 2);
        stream.PushRefresh(2, last, 3);

        Assert.Equal(2U, (await refreshed.NextAsync()).TokenSequence);
        Assert.Equal(3U, (await refreshed.NextAsync()).TokenSequence);
        Assert.Equal(1UL, await stream.NextAckAsync());
        Assert.Equal(2UL, await stream.NextAckAsync());
        Assert.Equal(last, client.CurrentToken);
        Assert.Equal(RtaConnectionState.Connected, client.State);
    }
}
