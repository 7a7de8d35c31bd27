using Microsoft.Extensions.Configuration;
using RealTimeAuth.AgentSimulator.Configuration;

namespace RealTimeAuth.AgentSimulator.Tests.Configuration;

public sealed class ServiceAddressTests
{
    [Fact]
    public void Resolve_HttpsPlusHttpWithOnlyHttp_UsesTheHttpEndpoint()
    {
        var configuration = Configuration(("services:server:http:0", "http://localhost:5180"));

        Assert.Equal(new Uri("http://localhost:5180"), Parse("https+http://server").Resolve(configuration));
    }

    [Fact]
    public void Resolve_HttpsPlusHttpWithBoth_PrefersHttps()
    {
        var configuration = Configuration(("services:server:http:0", "http://localhost:5180"), ("services:server:https:0", "https://localhost:7180"));

        Assert.Equal(new Uri("https://localhost:7180"), Parse("https+http://server").Resolve(configuration));
    }

    [Fact]
    public void Resolve_PlainAddressNobodyConfigured_IsUsedAsIs()
    {
        Assert.Equal(new Uri("http://localhost:5180/"), Parse("http://localhost:5180").Resolve(Configuration()));
    }

    [Fact]
    public void Resolve_ServiceNameNobodyConfigured_SaysWhichKeysItLookedFor()
    {
        var exception = Assert.Throws<InvalidOperationException>(() => Parse("https+http://server").Resolve(Configuration()));

        Assert.StartsWith("No endpoint is configured for service 'server' (services:server:https:0 or services:server:http:0).", exception.Message, StringComparison.Ordinal);
    }

    private static ServiceAddress Parse(string value) =>
        ServiceAddress.TryParse(value, out var address) ? address : throw new InvalidOperationException($"'{value}' did not parse.");

    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(pair => new KeyValuePair<string, string?>(pair.Key, pair.Value))).Build();
}
