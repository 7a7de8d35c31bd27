using RealTimeAuth.Sdk.Live;

namespace RealTimeAuth.Sdk.Tests;

public sealed class LiveChannelAddressTests
{
    private static readonly Uri Server = new("https://rta.example/base/");

    [Fact]
    public void Resolve_Configured_WinsOverAdvertised() =>
        Assert.Equal(new Uri("https://live.example/"), LiveChannelAddress.Resolve(new Uri("https://live.example/"), Server, "https://other.example/"));

    [Fact]
    public void Resolve_AdvertisedAbsolute_UsedAsIs() =>
        Assert.Equal(new Uri("https://replica-b.example:7443/"), LiveChannelAddress.Resolve(null, Server, "https://replica-b.example:7443/"));

    [Theory]
    [InlineData("/", "https://rta.example/")]
    [InlineData("grpc/", "https://rta.example/base/grpc/")]
    [InlineData("", "https://rta.example/base/")]
    public void Resolve_AdvertisedRelativeOrMissing_ResolvedAgainstServer(string advertised, string expected) =>
        Assert.Equal(new Uri(expected), LiveChannelAddress.Resolve(null, Server, advertised));
}
