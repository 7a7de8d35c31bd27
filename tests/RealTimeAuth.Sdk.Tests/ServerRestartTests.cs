using RealTimeAuth.Sdk.Tests.Fakes;

namespace RealTimeAuth.Sdk.Tests;

[Trait("Tier", "Functional")]
public sealed class ServerRestartTests
{
    [Fact]
    public async Task ServerStoppedAndStartedAgain_ClientReconnectsAndResumes()
    {
        var first = await FakeRtaServer.StartAsync();
        using var factory = new RtaClientFactory(first.CreateOptions());
        await using var client = await factory.ConnectAsync("idp-access-token", ["mail:read"]).WaitAsync(TestTimeouts.Default);
        var stream = await first.Live.NextStreamAsync();
        await stream.HelloAsync();
        stream.PushRefresh(7, FakeTokens.Create(2), 2);
        Assert.Equal(7UL, await stream.NextAckAsync());

        await first.DisposeAsync();
        await client.WaitForStateAsync(RtaConnectionState.Reconnecting);
        await using var second = await FakeRtaServer.StartAsync(first.HttpAddress.Port, first.GrpcAddress.Port);

        var resumed = await second.Live.NextStreamAsync();
        Assert.Equal(7UL, (await resumed.HelloAsync()).ResumeAfter);
        Assert.Equal($"RTA {client.CurrentToken}", resumed.Authorization);
        await client.WaitForStateAsync(RtaConnectionState.Connected);
    }
}
