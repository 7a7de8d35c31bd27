using RealTimeAuth.ServiceDefaults;

namespace RealTimeAuth.AppHost.Infrastructure;

/// <summary>Finds the Redis and PostgreSQL server binaries, or says which package provides them.</summary>
internal static class BinaryLocator
{
    public static string? FindOnPath(string name)
    {
        var path = Environment.GetEnvironmentVariable("PATH") ?? string.Empty;
        return path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(File.Exists);
    }

    public static string RequireRedisServer() =>
        FindOnPath("redis-server")
        ?? throw Missing("redis-server", "redis-server");

    /// <summary>The directory holding initdb and postgres: PATH first, then Debian's versioned layout.</summary>
    public static string RequirePostgresBinDirectory()
    {
        if (FindOnPath("initdb") is { } initdb && FindOnPath("postgres") is not null)
        {
            return Path.GetDirectoryName(initdb)!;
        }

        const string debianRoot = "/usr/lib/postgresql";
        if (Directory.Exists(debianRoot))
        {
            var newest = Directory.GetDirectories(debianRoot)
                .Select(directory => Path.Combine(directory, "bin"))
                .Where(bin => File.Exists(Path.Combine(bin, "initdb")) && File.Exists(Path.Combine(bin, "postgres")))
                .OrderByDescending(bin => int.TryParse(Path.GetFileName(Path.GetDirectoryName(bin)), out var version) ? version : 0)
                .FirstOrDefault();
            if (newest is not null)
            {
                return newest;
            }
        }

        throw Missing("initdb/postgres", "postgresql");
    }

    private static InvalidOperationException Missing(string binary, string package) =>
        new($"'{binary}' was not found, and no container runtime answered. Install it with 'sudo apt-get install -y {package}', " +
            $"or set Infrastructure:Mode=ConnectionStrings with ConnectionStrings:{ResourceNames.Redis} and ConnectionStrings:{ResourceNames.Database}.");
}
