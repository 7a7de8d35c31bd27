using RealTimeAuth.Sdk.Tests.Fakes;

namespace RealTimeAuth.Sdk.Tests;

/// <summary>A fresh fake server and a factory pointed at it, per test.</summary>
public abstract class SdkTestBase : IAsyncLifetime
{
    private readonly List<RtaClient> _clients = [];

    internal FakeRtaServer Server { get; private set; } = null!;

    internal RtaClientFactory Factory { get; private set; } = null!;

    internal RtaClientOptions Options { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await FakeRtaServer.StartAsync();
        Options = Server.CreateOptions();
        Configure(Options);
        Factory = CreateFactory(Options);
    }

    public async Task DisposeAsync()
    {
        foreach (var client in _clients)
        {
            await client.DisposeAsync().AsTask().WaitAsync(TestTimeouts.Default);
        }

        Factory.Dispose();
        await Server.DisposeAsync();
    }

    internal virtual void Configure(RtaClientOptions options)
    {
    }

    internal virtual RtaClientFactory CreateFactory(RtaClientOptions options) => new(options);

    /// <summary>Connects with a user token and disposes the client after the test.</summary>
    internal async Task<RtaClient> ConnectAsync(params string[] scopes)
    {
        var client = await Factory.ConnectAsync("idp-access-token", scopes).WaitAsync(TestTimeouts.Default);
        return Track(client);
    }

    internal RtaClient Track(RtaClient client)
    {
        _clients.Add(client);
        return client;
    }
}
