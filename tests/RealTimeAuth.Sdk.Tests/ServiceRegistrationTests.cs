using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using RealTimeAuth.Sdk.Tests.Fakes;

namespace RealTimeAuth.Sdk.Tests;

public sealed class ServiceRegistrationTests
{
    [Fact]
    [Trait("Tier", "Functional")]
    public async Task AddRealTimeAuthClient_ValidOptions_FactoryConnectsAndHandlerUsesAccessor()
    {
        await using var server = await FakeRtaServer.StartAsync();
        var expected = server.CreateOptions();
        await using var provider = new ServiceCollection()
            .AddLogging()
            .AddRealTimeAuthClient(options =>
            {
                options.ServerAddress = expected.ServerAddress;
                options.ClientId = expected.ClientId;
                options.ClientSecret = expected.ClientSecret;
                options.AllowInsecureHttp = true;
                options.Agent = expected.Agent;
            })
            .BuildServiceProvider();

        await using var client = await provider.GetRequiredService<IRtaClientFactory>()
            .ConnectAsync("idp-access-token", ["mail:read"])
            .WaitAsync(TestTimeouts.Default);
        provider.GetRequiredService<RtaClientAccessor>().Client = client;

        Assert.Equal("session-1", client.SessionId);
        Assert.Equal(client.CurrentToken, provider.GetRequiredService<IRtaTokenSource>().CurrentToken);
        Assert.NotNull(provider.GetRequiredService<RtaTokenHandler>());
        await client.WaitForStateAsync(RtaConnectionState.Connected);
    }

    [Fact]
    public void AddRealTimeAuthClient_MissingClientIdAndAgent_ResolvingFactoryThrowsWithWhatToSet()
    {
        using var provider = new ServiceCollection()
            .AddRealTimeAuthClient(options => options.ServerAddress = new Uri("https://rta.example"))
            .BuildServiceProvider();

        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IRtaClientFactory>());

        Assert.Contains(exception.Failures, failure => failure.StartsWith("RealTimeAuth:ClientId is required", StringComparison.Ordinal));
        Assert.Contains(exception.Failures, failure => failure.StartsWith("RealTimeAuth:Agent:Id is required", StringComparison.Ordinal));
    }

    [Fact]
    public void AddRealTimeAuthClient_ConfigSection_BindsOptions()
    {
        var builder = CreateBuilder(new Dictionary<string, string?>
        {
            ["RealTimeAuth:ServerAddress"] = "https://rta.example/",
            ["RealTimeAuth:ClientId"] = "copilot",
            ["RealTimeAuth:Agent:Id"] = "copilot-1",
            ["RealTimeAuth:Agent:Kind"] = "copilot",
            ["RealTimeAuth:ReconnectMaxDelay"] = "00:00:10",
        });

        builder.AddRealTimeAuthClient();
        using var host = builder.Build();

        var options = host.Services.GetRequiredService<IOptions<RtaClientOptions>>().Value;
        Assert.Equal(new Uri("https://rta.example/"), options.ServerAddress);
        Assert.Equal("copilot-1", options.Agent.Id);
        Assert.Equal("copilot", options.Agent.Kind);
        Assert.Equal(TimeSpan.FromSeconds(10), options.ReconnectMaxDelay);
    }

    [Fact]
    public async Task AddRealTimeAuthClient_PlainHttpWithoutOptIn_HostFailsToStart()
    {
        var builder = CreateBuilder(new Dictionary<string, string?>
        {
            ["RealTimeAuth:ServerAddress"] = "http://rta.example/",
            ["RealTimeAuth:ClientId"] = "copilot",
            ["RealTimeAuth:Agent:Id"] = "copilot-1",
        });
        builder.AddRealTimeAuthClient();
        using var host = builder.Build();

        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync().WaitAsync(TestTimeouts.Default));

        Assert.Contains("AllowInsecureHttp", Assert.Single(exception.Failures), StringComparison.Ordinal);
    }

    private static HostApplicationBuilder CreateBuilder(Dictionary<string, string?> settings)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        return builder;
    }
}
