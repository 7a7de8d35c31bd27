using RealTimeAuth.Testing.Servers;

namespace RealTimeAuth.Testing;

/// <summary>
/// A PostgreSQL cluster owned by one test, so that it can be stopped abruptly (<c>pg_ctl stop -m immediate</c>: the
/// postmaster and every backend die without a checkpoint, as in a crash) and started again on the same port while other
/// tests keep the shared <see cref="InfrastructureFixture"/> server. Its files live in its own run directory.
/// </summary>
public sealed class OwnedPostgres : IAsyncDisposable
{
    private readonly RunDirectory _run;
    private readonly PostgresServer _server;
    private bool _running = true;

    private OwnedPostgres(RunDirectory run, PostgresServer server)
    {
        _run = run;
        _server = server;
    }

    public static async Task<OwnedPostgres> StartAsync()
    {
        var binDirectory = await BinaryLocator.FindPostgresBinDirectoryAsync();
        var run = RunDirectory.Create();
        try
        {
            return new OwnedPostgres(run, await PostgresServer.StartAsync(binDirectory, run, durable: true));
        }
        catch
        {
            run.Delete();
            throw;
        }
    }

    /// <summary>Creates a fresh database on this cluster and returns its Npgsql connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix) =>
        (await PostgresDatabases.CreateAsync(_server.AdminConnectionString, prefix)).ConnectionString;

    /// <summary>Stops the cluster at once, without a checkpoint; clients see their connections drop.</summary>
    public async Task KillAsync()
    {
        await _server.StopAsync();
        _running = false;
    }

    /// <summary>Starts the killed cluster again on the same port, with its data.</summary>
    public async Task RestartAsync()
    {
        await _server.RestartAsync();
        _running = true;
    }

    public async ValueTask DisposeAsync()
    {
        if (_running)
        {
            await _server.StopAsync();
        }

        _run.Delete();
    }
}
