using Npgsql;

namespace RealTimeAuth.Testing.Servers;

/// <summary>
/// A throwaway PostgreSQL cluster: <c>initdb</c> into the run directory, <c>pg_ctl start</c> on a free port with
/// durability switched off, <c>pg_ctl stop -m immediate</c> at the end. As root the binaries run as <c>postgres</c>,
/// since PostgreSQL refuses to run as root.
/// </summary>
internal sealed class PostgresServer
{
    public const string FolderName = "postgres";
    private const string SuperUser = "postgres";
    private const string ServiceAccount = "postgres";
    private const int StartAttempts = 3;
    private static readonly TimeSpan InitTimeout = TimeSpan.FromSeconds(120);
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(75);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(40);

    private readonly string _pgCtl;
    private readonly string _dataDirectory;
    private readonly string _socketDirectory;
    private readonly string _logFile;
    private readonly bool _durable;

    private PostgresServer(string binDirectory, string folder, int port, bool durable = false)
    {
        _durable = durable;
        _pgCtl = Path.Combine(binDirectory, "pg_ctl");
        _dataDirectory = DataDirectory(folder);
        _socketDirectory = Path.Combine(folder, "socket");
        _logFile = Path.Combine(folder, "server.log");
        Port = port;
    }

    public int Port { get; }

    /// <summary>A superuser connection to the <c>postgres</c> database, for creating databases.</summary>
    public string AdminConnectionString => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = SuperUser,
        Database = "postgres",
    }.ConnectionString;

    /// <summary>The account to run PostgreSQL binaries as: <c>postgres</c> when we are root, else ourselves.</summary>
    private static string? RunAsUser => Environment.IsPrivilegedProcess ? ServiceAccount : null;

    /// <summary>
    /// Creates and starts a cluster. The shared one trades durability for speed; a <paramref name="durable"/> one keeps
    /// every commit through a crash (<c>synchronous_commit</c> on), for a test that kills it: with commits acknowledged
    /// before their WAL left shared memory, a kill lost rows the server had been told were written.
    /// </summary>
    public static async Task<PostgresServer> StartAsync(string binDirectory, RunDirectory run, bool durable = false)
    {
        var folder = run.CreateFolder(FolderName);
        Directory.CreateDirectory(Path.Combine(folder, "socket"));
        if (RunAsUser is { } account)
        {
            await ProcessRunner.RunAsync("chown", ["-R", $"{account}:", folder], StopTimeout);
        }

        string[] initdbArguments =
            ["-D", DataDirectory(folder), "-U", SuperUser, "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync"];
        await ProcessRunner.RunAsync(Path.Combine(binDirectory, "initdb"), initdbArguments, InitTimeout, RunAsUser);

        for (var attempt = 1; attempt <= StartAttempts; attempt++)
        {
            var server = new PostgresServer(binDirectory, folder, FreePort.Pick(), durable);
            if (await server.TryStartAsync())
            {
                return server;
            }
        }

        throw new InvalidOperationException(
            $"PostgreSQL could not listen on a free port: another process took each of the {StartAttempts} ports picked for it.");
    }

    public Task StopAsync() =>
        ProcessRunner.RunAsync(_pgCtl, ["stop", "-D", _dataDirectory, "-m", "immediate", "-w", "-t", "30"], StopTimeout, RunAsUser);

    /// <summary>Starts a stopped server again on the same port and data directory (crash recovery runs first).</summary>
    public async Task RestartAsync()
    {
        if (!await TryStartAsync())
        {
            throw new InvalidOperationException($"PostgreSQL could not listen on port {Port} again: another process took it.");
        }
    }

    /// <summary>
    /// Stops the server a dead test process left in <paramref name="runDirectory"/>.
    /// Returns whether none is left running, so that the directory may be deleted.
    /// </summary>
    public static async Task<bool> StopStaleAsync(string runDirectory, string? binDirectory)
    {
        var folder = Path.Combine(runDirectory, FolderName);
        var pid = ProcessTable.ReadPidFile(Path.Combine(DataDirectory(folder), "postmaster.pid"));
        if (pid is null || !ProcessTable.IsRunning(pid.Value, "postgres"))
        {
            return true;
        }

        if (binDirectory is null)
        {
            return false;
        }

        try
        {
            await new PostgresServer(binDirectory, folder, port: 0).StopAsync();
            return true;
        }
        catch (Exception exception) when (exception is InvalidOperationException or TimeoutException)
        {
            return false;
        }
    }

    private static string DataDirectory(string folder) => Path.Combine(folder, "data");

    /// <summary>Starts the server; false when another process took the port first (then try another port).</summary>
    private async Task<bool> TryStartAsync()
    {
        File.Delete(_logFile);
        var options = $"-p {Port} -k {_socketDirectory} -c listen_addresses=127.0.0.1"
            + (_durable ? " -c synchronous_commit=on" : " -c fsync=off -c synchronous_commit=off -c full_page_writes=off")
            // Each functional test starts its own server replicas with their own pools, and each replica's background
            // jobs (log reader, audit writer, sweeps) hold connections too; 400 ran out once the hardening tests came.
            + " -c max_connections=1000";
        try
        {
            await ProcessRunner.RunAsync(
                _pgCtl, ["start", "-D", _dataDirectory, "-l", _logFile, "-w", "-t", "60", "-o", options], StartTimeout, RunAsUser);
            return true;
        }
        catch (Exception exception) when (exception is InvalidOperationException or TimeoutException)
        {
            var log = LogTail.Read(_logFile);
            await StopQuietlyAsync();
            if (log.Contains("Address already in use", StringComparison.Ordinal))
            {
                return false;
            }

            throw new InvalidOperationException(
                $"PostgreSQL did not start on 127.0.0.1:{Port}. {exception.Message}"
                + $"{Environment.NewLine}Server log tail ({_logFile}):{Environment.NewLine}{log}",
                exception);
        }
    }

    private async Task StopQuietlyAsync()
    {
        try
        {
            await StopAsync();
        }
        catch (Exception exception) when (exception is InvalidOperationException or TimeoutException)
        {
            // Nothing was running, or it is beyond saving: the run directory is deleted either way.
        }
    }
}
