using Microsoft.AspNetCore.Hosting;
using RealTimeAuth.Testing;

namespace RealTimeAuth.Server.Tests.SharedSignals;

/// <summary>One server shared by the tests of a class; each test uses its own users, so they do not interfere.</summary>
public class SsfServerFixture(InfrastructureFixture infrastructure) : IAsyncLifetime
{
    private SsfServer? _server;

    public SsfServer Server => _server ?? throw new InvalidOperationException("The server has not started.");

    public InfrastructureFixture Infrastructure => infrastructure;

    /// <summary>Settings beyond the test transmitters', for fixtures that need more.</summary>
    protected virtual IReadOnlyDictionary<string, string>? Settings => null;

    /// <summary>More changes to the host, for fixtures that need them (admin tokens, say).</summary>
    protected virtual Action<IWebHostBuilder>? Configure => null;

    public async Task InitializeAsync() => _server = await SsfServer.StartAsync(infrastructure, "ssf_shared", Settings, configure: Configure);

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
