using RealTimeAuth.Testing.Servers;

namespace RealTimeAuth.Testing;

/// <summary>
/// A <c>redis-server</c> owned by one test, so that it can be killed (SIGKILL) and started again on the same port,
/// empty, while other tests keep the shared <see cref="InfrastructureFixture"/> server.
/// </summary>
public sealed class OwnedRedis : IAsyncDisposable
{
    private readonly RunDirectory _run;
    private readonly RedisServer _server;

    private OwnedRedis(RunDirectory run, RedisServer server)
    {
        _run = run;
        _server = server;
    }

    /// <summary>StackExchange.Redis configuration string of this server.</summary>
    public string ConnectionString => _server.ConnectionString;

    public static async Task<OwnedRedis> StartAsync()
    {
        var executable = BinaryLocator.FindRedisServer();
        var run = RunDirectory.Create();
        try
        {
            return new OwnedRedis(run, await RedisServer.StartAsync(executable, run));
        }
        catch
        {
            run.Delete();
            throw;
        }
    }

    /// <summary>Kills the server with SIGKILL, as a crash would, and waits until it is gone.</summary>
    public Task KillAsync() => _server.StopAsync();

    /// <summary>Starts the killed server again on the same port, empty.</summary>
    public Task RestartAsync() => _server.StartAsync();

    public async ValueTask DisposeAsync()
    {
        await _server.StopAsync();
        _server.Dispose();
        _run.Delete();
    }
}
