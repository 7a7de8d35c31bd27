namespace RealTimeAuth.Testing.Servers;

/// <summary>
/// The temporary directory of one test process: <c>/tmp/rta-test-PID-RANDOM</c>, holding one folder per server.
/// The process id in the name and the PID namespace in <see cref="OwnerFileName"/> let a later run tell a
/// directory whose process has died from one still in use.
/// </summary>
internal sealed class RunDirectory
{
    public const string NamePrefix = "rta-test-";
    public const string OwnerFileName = "owner";

    private RunDirectory(string path) => FullPath = path;

    public string FullPath { get; }

    /// <summary>The PID namespace of this process, e.g. <c>pid:[4026531836]</c>, or empty where it cannot be read.</summary>
    public static string CurrentPidNamespace { get; } = ReadPidNamespace();

    public static RunDirectory Create()
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException(
                "The test infrastructure starts PostgreSQL and Redis as Linux processes; elsewhere set "
                + $"{EnvironmentVariables.Postgres} and {EnvironmentVariables.Redis} to existing servers.");
        }

        var path = Path.Combine(Path.GetTempPath(), $"{NamePrefix}{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}");
        const UnixFileMode mode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
            | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;
        Directory.CreateDirectory(path, mode);
        File.WriteAllText(Path.Combine(path, OwnerFileName), CurrentPidNamespace);
        return new RunDirectory(path);
    }

    /// <summary>Creates (if needed) and returns a folder inside this directory.</summary>
    public string CreateFolder(string name) => Directory.CreateDirectory(Path.Combine(FullPath, name)).FullName;

    /// <summary>Deletes the directory; a failure leaves it for <see cref="StaleRunSweeper"/> of a later run.</summary>
    public void Delete() => TryDelete(FullPath);

    public static void TryDelete(string path)
    {
        try
        {
            Directory.Delete(path, recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private static string ReadPidNamespace()
    {
        try
        {
            return new FileInfo("/proc/self/ns/pid").LinkTarget ?? string.Empty;
        }
        catch (IOException)
        {
            return string.Empty;
        }
        catch (UnauthorizedAccessException)
        {
            return string.Empty;
        }
    }
}
