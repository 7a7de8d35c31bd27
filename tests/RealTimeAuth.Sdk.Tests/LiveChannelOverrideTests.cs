namespace RealTimeAuth.Sdk.Tests;

[Trait("Tier", "Functional")]
public sealed class LiveChannelOverrideTests : SdkTestBase
{
    [Fact]
    public async Task ConnectAsync_LiveChannelAddressConfigured_IgnoresAdvertisedAddress()
    {
        Server.Tokens.GrpcAddress = "https://unreachable.invalid/";

        var client = await ConnectAsync("mail:read");

        var stream = await Server.Live.NextStreamAsync();
        Assert.Equal($"RTA {client.CurrentToken}", stream.Authorization);
        await client.WaitForStateAsync(RtaConnectionState.Connected);
    }

    internal override void Configure(RtaClientOptions options) => options.LiveChannelAddress = Server.GrpcAddress;
}
