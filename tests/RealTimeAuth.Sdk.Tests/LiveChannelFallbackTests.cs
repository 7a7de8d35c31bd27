using System.Net;
using System.Net.Sockets;

namespace RealTimeAuth.Sdk.Tests;

[Trait("Tier", "Functional")]
public sealed class LiveChannelFallbackTests : SdkTestBase
{
    [Fact]
    public async Task ConnectAsync_AdvertisedReplicaRefusesConnections_StreamsFromTheFallbackAddress()
    {
        Server.Tokens.GrpcAddress = $"http://127.0.0.1:{ClosedPort()}/";

        var client = await ConnectAsync("mail:read");

        var stream = await Server.Live.NextStreamAsync();
        Assert.Equal($"RTA {client.CurrentToken}", stream.Authorization);
        await client.WaitForStateAsync(RtaConnectionState.Connected);
    }

    internal override void Configure(RtaClientOptions options) => options.LiveChannelFallbackAddresses = [Server.GrpcAddress];

    /// <summary>A loopback port nothing listens on: connecting to it is refused at once.</summary>
    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
