using System.Globalization;

namespace RealTimeAuth.Testing.Servers;

/// <summary>
/// Cleans up after test processes that died without disposing their fixture (killed test host, debugger stop):
/// stops their servers and deletes their <see cref="RunDirectory"/>. Only directories whose owning process is gone
/// and which belong to this PID namespace are touched, so concurrent runs and other containers are left alone.
/// </summary>
internal static class StaleRunSweeper
{
    public static async Task SweepAsync(string? postgresBinDirectory)
    {
        foreach (var directory in Directory.EnumerateDirectories(Path.GetTempPath(), RunDirectory.NamePrefix + "*"))
        {
            if (!IsStale(directory))
            {
                continue;
            }

            RedisServer.KillStale(directory);
            if (await PostgresServer.StopStaleAsync(directory, postgresBinDirectory))
            {
                RunDirectory.TryDelete(directory);
            }
        }
    }

    private static bool IsStale(string directory)
    {
        var name = Path.GetFileName(directory)[RunDirectory.NamePrefix.Length..];
        var pidText = name.Split('-')[0];
        if (!int.TryParse(pidText, NumberStyles.None, CultureInfo.InvariantCulture, out var ownerPid) || ProcessTable.IsRunning(ownerPid))
        {
            return false;
        }

        try
        {
            var ownerNamespace = File.ReadAllText(Path.Combine(directory, RunDirectory.OwnerFileName));
            return ownerNamespace == RunDirectory.CurrentPidNamespace;
        }
        catch (IOException)
        {
            return false;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }
}
