using RealTimeAuth.Testing.Servers;
using Xunit;

namespace RealTimeAuth.Testing.Tests.Servers;

public sealed class BinaryLocatorTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("rta-locator-").FullName;

    [Fact]
    public async Task FindPostgresBinDirectoryAsync_NothingInstalled_NamesDebianPackage()
    {
        var exception = await Assert.ThrowsAsync<InvalidOperationException>(
            () => BinaryLocator.FindPostgresBinDirectoryAsync(searchPath: string.Empty, debianRoot: Path.Combine(_root, "missing")));

        Assert.Contains("apt-get install -y postgresql", exception.Message, StringComparison.Ordinal);
        Assert.Contains("RTA_TEST_POSTGRES", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task FindPostgresBinDirectoryAsync_SeveralDebianVersions_PicksNewest()
    {
        foreach (var version in (string[])["9.6", "15", "13"])
        {
            CreateExecutables(Path.Combine(_root, version, "bin"), "initdb", "pg_ctl");
        }

        CreateExecutables(Path.Combine(_root, "16", "bin"), "pg_ctl");

        var binDirectory = await BinaryLocator.FindPostgresBinDirectoryAsync(searchPath: string.Empty, debianRoot: _root);

        Assert.Equal(Path.Combine(_root, "15", "bin"), binDirectory);
    }

    [Fact]
    public async Task FindPostgresBinDirectoryAsync_ServerToolsOnPath_PrefersPath()
    {
        var onPath = Path.Combine(_root, "path");
        CreateExecutables(onPath, "initdb", "pg_ctl");
        CreateExecutables(Path.Combine(_root, "debian", "15", "bin"), "initdb", "pg_ctl");

        var binDirectory = await BinaryLocator.FindPostgresBinDirectoryAsync(onPath, Path.Combine(_root, "debian"));

        Assert.Equal(onPath, binDirectory);
    }

    [Fact]
    public void FindRedisServer_NotOnPath_NamesDebianPackage()
    {
        var exception = Assert.Throws<InvalidOperationException>(() => BinaryLocator.FindRedisServer(searchPath: _root));

        Assert.Contains("apt-get install -y redis-server", exception.Message, StringComparison.Ordinal);
        Assert.Contains("RTA_TEST_REDIS", exception.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private static void CreateExecutables(string directory, params string[] names)
    {
        Directory.CreateDirectory(directory);
        foreach (var name in names)
        {
            var path = Path.Combine(directory, name);
            File.WriteAllText(path, "#!/bin/sh\nexit 1\n");
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }
        }
    }
}
