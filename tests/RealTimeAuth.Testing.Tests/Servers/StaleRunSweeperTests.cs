using System.Diagnostics;
using System.Globalization;
using RealTimeAuth.Testing.Servers;
using Xunit;

namespace RealTimeAuth.Testing.Tests.Servers;

public sealed class StaleRunSweeperTests
{
    [OwnedRedisFact]
    [Trait("Tier", "Functional")]
    public async Task SweepAsync_DirectoryOfDeadRunWithRedis_KillsRedisAndDeletesDirectory()
    {
        using var orphan = StartRedis();
        try
        {
            var directory = await CreateStaleRunDirectoryAsync(orphan.Id);

            await StaleRunSweeper.SweepAsync(postgresBinDirectory: null);

            Assert.True(orphan.WaitForExit(TimeSpan.FromSeconds(10)), "the orphaned redis-server still runs");
            Assert.False(Directory.Exists(directory));
        }
        finally
        {
            orphan.Kill();
        }
    }

    [Fact]
    public async Task SweepAsync_DirectoryOfLiveRun_LeavesIt()
    {
        var directory = RunDirectory.Create();
        try
        {
            await StaleRunSweeper.SweepAsync(postgresBinDirectory: null);

            Assert.True(Directory.Exists(directory.FullPath));
        }
        finally
        {
            directory.Delete();
        }
    }

    /// <summary>
    /// Lays out what a killed test host leaves behind, in a staging folder first and then moved into place in one
    /// step, since the fixture of this very run may sweep concurrently.
    /// </summary>
    private static async Task<string> CreateStaleRunDirectoryAsync(int redisPid)
    {
        var staging = Directory.CreateTempSubdirectory("rta-staging-").FullName;
        Directory.CreateDirectory(Path.Combine(staging, RedisServer.FolderName));
        await File.WriteAllTextAsync(Path.Combine(staging, RunDirectory.OwnerFileName), RunDirectory.CurrentPidNamespace);
        await File.WriteAllTextAsync(
            Path.Combine(staging, RedisServer.FolderName, "redis.pid"), redisPid.ToString(CultureInfo.InvariantCulture));

        var directory = Path.Combine(Path.GetTempPath(), $"{RunDirectory.NamePrefix}{await PidOfExitedProcessAsync()}-sweeptest");
        Directory.Move(staging, directory);
        return directory;
    }

    private static async Task<int> PidOfExitedProcessAsync()
    {
        using var process = Process.Start("true");
        await process.WaitForExitAsync();
        return process.Id;
    }

    private static Process StartRedis()
    {
        var startInfo = new ProcessStartInfo(BinaryLocator.FindRedisServer())
        {
            RedirectStandardOutput = true,
            ArgumentList = { "--port", FreePort.Pick().ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "" },
        };
        return Process.Start(startInfo)!;
    }
}
