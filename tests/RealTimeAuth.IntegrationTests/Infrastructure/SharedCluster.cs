using RealTimeAuth.Testing;
using RealTimeAuth.Testing.Hosting;

namespace RealTimeAuth.IntegrationTests.Infrastructure;

/// <summary>
/// A class fixture holding one cluster with one replica for all tests of a class, started at first use
/// (xunit v2 cannot hand collection fixtures to a class fixture's constructor) and stopped after the class.
/// </summary>
public sealed class SharedCluster : IAsyncLifetime
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private ServerCluster? _cluster;

    public async Task<ServerCluster> GetAsync(
        InfrastructureFixture infrastructure, DevIdpFixture idp, string name, IReadOnlyDictionary<string, string?>? settings = null)
    {
        if (!await _gate.WaitAsync(TestTimeouts.Startup))
        {
            throw new TimeoutException($"Another test of the class was still starting the '{name}' cluster after {TestTimeouts.Startup.TotalSeconds:0} s.");
        }

        try
        {
            if (_cluster is null)
            {
                var cluster = await ServerCluster.CreateAsync(infrastructure, idp, name, settings);
                try
                {
                    await cluster.StartReplicaAsync();
                }
                catch
                {
                    await cluster.DisposeAsync();
                    throw;
                }

                _cluster = cluster;
            }

            return _cluster;
        }
        finally
        {
            _gate.Release();
        }
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }

        _gate.Dispose();
    }
}
