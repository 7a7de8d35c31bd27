using System.Diagnostics;
using System.Security.Cryptography;

namespace RealTimeAuth.AppHost.Infrastructure;

/// <summary>
/// A throwaway PostgreSQL cluster for one app host run: initdb into a temporary directory,
/// a random superuser password, and the command line that runs the server in the foreground.
/// PostgreSQL refuses to run as root, so as root every step runs as the <c>postgres</c> user.
/// </summary>
internal sealed class LocalPostgresCluster
{
    private const string DirectoryPrefix = "rta-apphost-pg-";
    private static readonly TimeSpan InitTimeout = TimeSpan.FromMinutes(2);

    private LocalPostgresCluster(string binDirectory, string dataDirectory, string password)
    {
        BinDirectory = binDirectory;
        DataDirectory = dataDirectory;
        Password = password;
    }

    public string BinDirectory { get; }

    public string DataDirectory { get; }

    public string Password { get; }

    public static bool RunningAsRoot => Environment.UserName == "root";

    public static LocalPostgresCluster Create()
    {
        var bin = BinaryLocator.RequirePostgresBinDirectory();
        RemoveStaleClusters();

        var root = Path.Combine(Path.GetTempPath(), DirectoryPrefix + Guid.NewGuid().ToString("N")[..12]);
        var data = Path.Combine(root, "data");
        Directory.CreateDirectory(root);
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));
        var passwordFile = Path.Combine(root, "pwfile");
        File.WriteAllText(passwordFile, password);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(passwordFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        if (RunningAsRoot)
        {
            Run("chown", ["-R", "postgres:postgres", root]);
        }

        RunAsPostgres(Path.Combine(bin, "initdb"),
            ["-D", data, "-U", "postgres", "-E", "UTF8", "--auth-local=trust", "--auth-host=scram-sha-256", $"--pwfile={passwordFile}"]);
        File.Delete(passwordFile);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => TryDelete(root);
        return new LocalPostgresCluster(bin, data, password);
    }

    /// <summary>The executable and arguments that run <c>postgres</c> in the foreground on a port.</summary>
    public (string Command, string[] Arguments) ServerCommand(int port)
    {
        string[] postgres =
        [
            Path.Combine(BinDirectory, "postgres"), "-D", DataDirectory, "-p", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "-k", DataDirectory, "-c", "listen_addresses=127.0.0.1",
        ];
        return RunningAsRoot ? ("runuser", ["-u", "postgres", "--", .. postgres]) : (postgres[0], postgres[1..]);
    }

    private static void RunAsPostgres(string executable, string[] arguments)
    {
        if (RunningAsRoot)
        {
            Run("runuser", ["-u", "postgres", "--", executable, .. arguments]);
        }
        else
        {
            Run(executable, arguments);
        }
    }

    private static void Run(string executable, string[] arguments)
    {
        var startInfo = new ProcessStartInfo(executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetTempPath(),
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        using var process = Process.Start(startInfo) ?? throw new InvalidOperationException($"Could not start {executable}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(InitTimeout) || process.ExitCode != 0)
        {
            throw new InvalidOperationException($"'{Path.GetFileName(executable)}' failed: {error.Result}{output.Result}");
        }
    }

    /// <summary>Clusters left by an app host that was killed: their postmaster is gone.</summary>
    private static void RemoveStaleClusters()
    {
        foreach (var directory in Directory.GetDirectories(Path.GetTempPath(), DirectoryPrefix + "*"))
        {
            var pidFile = Path.Combine(directory, "data", "postmaster.pid");
            if (!File.Exists(pidFile) || !IsProcessAlive(File.ReadLines(pidFile).FirstOrDefault()))
            {
                TryDelete(directory);
            }
        }
    }

    private static bool IsProcessAlive(string? pid) =>
        int.TryParse(pid, out var id) && Directory.Exists($"/proc/{id}");

    private static void TryDelete(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
