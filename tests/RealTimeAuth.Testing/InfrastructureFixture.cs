using System.Collections.Concurrent;
using System.Diagnostics;
using Npgsql;
using RealTimeAuth.Testing.Servers;
using Xunit;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace RealTimeAuth.Testing;

/// <summary>
/// A real PostgreSQL and a real Redis for functional and app tests, shared through <see cref="InfrastructureCollection"/>.
/// Uses the servers named by <c>RTA_TEST_POSTGRES</c> (Npgsql connection string of a server where databases may be
/// created) and <c>RTA_TEST_REDIS</c> (StackExchange.Redis configuration) when set; otherwise starts throwaway servers
/// from the installed binaries under <c>/tmp/rta-test-*</c> and removes them afterwards. A missing binary fails the
/// run with the package to install. Tests isolate by database (<see cref="CreateDatabaseAsync"/>) and by Redis key.
/// </summary>
public sealed class InfrastructureFixture : IAsyncLifetime
{
    private readonly IMessageSink _diagnostics;
    private readonly string? _externalPostgres;
    private readonly string? _externalRedis;
    private readonly ConcurrentQueue<string> _externalDatabases = new();
    private RunDirectory? _runDirectory;
    private PostgresServer? _postgres;
    private RedisServer? _redis;
    private ExitHook? _exitHook;

    /// <summary>Created by xunit, which passes its diagnostic sink (shown with <c>diagnosticMessages</c> on).</summary>
    public InfrastructureFixture(IMessageSink diagnosticMessageSink)
        : this(
            diagnosticMessageSink,
            EnvironmentVariables.Read(EnvironmentVariables.Postgres),
            EnvironmentVariables.Read(EnvironmentVariables.Redis))
    {
    }

    internal InfrastructureFixture(IMessageSink diagnostics, string? externalPostgres, string? externalRedis)
    {
        _diagnostics = diagnostics;
        _externalPostgres = externalPostgres;
        _externalRedis = externalRedis;
    }

    /// <summary>StackExchange.Redis configuration string of the Redis server.</summary>
    public string RedisConnectionString => _externalRedis ?? _redis?.ConnectionString ?? throw NotInitialized();

    private string AdminConnectionString => _externalPostgres ?? _postgres?.AdminConnectionString ?? throw NotInitialized();

    /// <summary>
    /// Creates a fresh database named <c>rta_PREFIX_RANDOM</c> and returns its Npgsql connection string.
    /// Databases on an external server are dropped when the fixture is disposed.
    /// </summary>
    public async Task<string> CreateDatabaseAsync(string prefix)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        var (name, connectionString) = await PostgresDatabases.CreateAsync(AdminConnectionString, prefix);
        if (_externalPostgres is not null)
        {
            _externalDatabases.Enqueue(name);
        }

        return connectionString;
    }

    /// <summary>Kills Redis and starts it again on the same port, empty. Not supported with an external Redis.</summary>
    public async Task RestartRedisAsync()
    {
        var redis = OwnedRedis();
        await redis.StopAsync();
        await redis.StartAsync();
    }

    /// <summary>Kills Redis, as a crash would; clients see the connection drop. Not supported with an external Redis.</summary>
    public Task StopRedisAsync() => OwnedRedis().StopAsync();

    /// <summary>Starts a stopped Redis on the same port, empty. Not supported with an external Redis.</summary>
    public Task StartRedisAsync() => OwnedRedis().StartAsync();

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        var stopwatch = Stopwatch.StartNew();
        _exitHook = ExitHook.Register(CleanUpAtExit);
        string? postgresBinDirectory = null;
        string? redisExecutable = null;
        try
        {
            // Locate every binary before starting anything, so a missing one fails at once.
            postgresBinDirectory = _externalPostgres is null ? await BinaryLocator.FindPostgresBinDirectoryAsync() : null;
            redisExecutable = _externalRedis is null ? BinaryLocator.FindRedisServer() : null;
            if (postgresBinDirectory is not null || redisExecutable is not null)
            {
                await StaleRunSweeper.SweepAsync(postgresBinDirectory);
                _runDirectory = RunDirectory.Create();
            }

            await Task.WhenAll(StartPostgresAsync(postgresBinDirectory), StartRedisAsync(redisExecutable));
        }
        catch
        {
            await DisposeAsync();
            throw;
        }

        _diagnostics.OnMessage(new DiagnosticMessage(
            "RealTimeAuth test infrastructure ready in {0} ms: PostgreSQL {1}; Redis {2}.",
            stopwatch.ElapsedMilliseconds,
            _postgres is null ? $"from {EnvironmentVariables.Postgres}" : $"on port {_postgres.Port} ({postgresBinDirectory})",
            _redis is null ? $"from {EnvironmentVariables.Redis}" : $"on port {_redis.Port} ({redisExecutable})"));
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        _exitHook?.Dispose();
        _exitHook = null;
        if (_redis is not null)
        {
            await _redis.StopAsync();
            _redis.Dispose();
            _redis = null;
        }

        try
        {
            await DropExternalDatabasesAsync();
        }
        finally
        {
            if (_postgres is not null)
            {
                // Should this throw, the run directory stays for the next run's StaleRunSweeper.
                await _postgres.StopAsync();
                _postgres = null;
            }

            _runDirectory?.Delete();
            _runDirectory = null;
        }
    }

    private async Task StartPostgresAsync(string? binDirectory)
    {
        if (binDirectory is null)
        {
            await ExternalServers.CheckPostgresAsync(_externalPostgres!);
            return;
        }

        _postgres = await PostgresServer.StartAsync(binDirectory, _runDirectory!);
    }

    private async Task StartRedisAsync(string? executable)
    {
        if (executable is null)
        {
            await ExternalServers.CheckRedisAsync(_externalRedis!);
            return;
        }

        _redis = await RedisServer.StartAsync(executable, _runDirectory!);
    }

    private async Task DropExternalDatabasesAsync()
    {
        if (_externalPostgres is null || _externalDatabases.IsEmpty)
        {
            return;
        }

        NpgsqlConnection.ClearAllPools();
        while (_externalDatabases.TryDequeue(out var name))
        {
            await PostgresDatabases.DropAsync(_externalPostgres, name);
        }
    }

    private RedisServer OwnedRedis()
    {
        if (_externalRedis is not null)
        {
            throw new NotSupportedException(
                $"Redis comes from {EnvironmentVariables.Redis}, an external server the fixture cannot stop or restart. "
                + $"Unset {EnvironmentVariables.Redis} to let the fixture start its own redis-server, "
                + "or mark the test [OwnedRedisFact] so that it is skipped in that setup.");
        }

        return _redis ?? throw NotInitialized();
    }

    /// <summary>Last resort when the test host ends without disposing the fixture: kill the servers, delete the files.</summary>
    private void CleanUpAtExit()
    {
        _redis?.Dispose();
        try
        {
            _postgres?.StopAsync().GetAwaiter().GetResult();
            _runDirectory?.Delete();
        }
        catch (Exception exception) when (exception is InvalidOperationException or TimeoutException)
        {
            // The next run's StaleRunSweeper tries again.
        }
    }

    private static InvalidOperationException NotInitialized() => new(
        $"{nameof(InfrastructureFixture)} is not initialized: xunit calls {nameof(InitializeAsync)} for collection fixtures; "
        + "code that creates one itself must await it first.");
}
