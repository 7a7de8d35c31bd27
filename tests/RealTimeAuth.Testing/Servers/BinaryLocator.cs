namespace RealTimeAuth.Testing.Servers;

/// <summary>Finds the server binaries, failing with the Debian package to install when they are missing.</summary>
internal static class BinaryLocator
{
    public const string DebianPostgresRoot = "/usr/lib/postgresql";
    private static readonly TimeSpan PgConfigTimeout = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The directory holding <c>initdb</c> and <c>pg_ctl</c>: from PATH, else <c>pg_config --bindir</c>,
    /// else the newest <c>/usr/lib/postgresql/*/bin</c>.
    /// </summary>
    public static Task<string> FindPostgresBinDirectoryAsync() =>
        FindPostgresBinDirectoryAsync(Environment.GetEnvironmentVariable("PATH"), DebianPostgresRoot);

    public static async Task<string> FindPostgresBinDirectoryAsync(string? searchPath, string debianRoot)
    {
        if (FindOnPath("pg_ctl", searchPath) is { } pgCtl && HasServerTools(Path.GetDirectoryName(pgCtl)))
        {
            return Path.GetDirectoryName(pgCtl)!;
        }

        if (FindOnPath("pg_config", searchPath) is { } pgConfig)
        {
            try
            {
                var binDirectory = (await ProcessRunner.RunAsync(pgConfig, ["--bindir"], PgConfigTimeout)).Trim();
                if (HasServerTools(binDirectory))
                {
                    return binDirectory;
                }
            }
            catch (Exception exception) when (exception is InvalidOperationException or TimeoutException)
            {
                // A broken pg_config is no reason to stop looking.
            }
        }

        var newest = Directory.Exists(debianRoot)
            ? Directory.EnumerateDirectories(debianRoot)
                .Select(version => Path.Combine(version, "bin"))
                .Where(HasServerTools)
                .OrderByDescending(bin => ParseVersion(Path.GetFileName(Path.GetDirectoryName(bin))))
                .FirstOrDefault()
            : null;

        return newest ?? throw new InvalidOperationException(
            "PostgreSQL server binaries (initdb, pg_ctl) were not found on PATH, through `pg_config --bindir` "
            + $"or under {debianRoot}/*/bin. Install them with `apt-get install -y postgresql`, or set "
            + $"{EnvironmentVariables.Postgres} to the connection string of a server where the tests may create databases.");
    }

    /// <summary>The <c>redis-server</c> executable on PATH.</summary>
    public static string FindRedisServer() => FindRedisServer(Environment.GetEnvironmentVariable("PATH"));

    public static string FindRedisServer(string? searchPath) =>
        FindOnPath("redis-server", searchPath) ?? throw new InvalidOperationException(
            "redis-server was not found on PATH. Install it with `apt-get install -y redis-server`, or set "
            + $"{EnvironmentVariables.Redis} to the StackExchange.Redis configuration of a server the tests may use.");

    private static string? FindOnPath(string name, string? searchPath) =>
        (searchPath ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(IsExecutable);

    private static bool HasServerTools(string? directory) =>
        directory is not null
        && IsExecutable(Path.Combine(directory, "initdb"))
        && IsExecutable(Path.Combine(directory, "pg_ctl"));

    private static bool IsExecutable(string path) =>
        File.Exists(path)
        && (OperatingSystem.IsWindows()
            || (File.GetUnixFileMode(path) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0);

    private static Version ParseVersion(string? name)
    {
        var text = name ?? string.Empty;
        return Version.TryParse(text.Contains('.', StringComparison.Ordinal) ? text : text + ".0", out var version)
            ? version
            : new Version(0, 0);
    }
}
