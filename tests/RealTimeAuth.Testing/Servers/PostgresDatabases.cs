using System.Text;
using Npgsql;

namespace RealTimeAuth.Testing.Servers;

/// <summary>Creates and drops uniquely named databases through a superuser connection.</summary>
internal static class PostgresDatabases
{
    private const int MaxPrefixLength = 40;
    private static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Creates a new database and returns the connection string for it.</summary>
    public static async Task<(string Name, string ConnectionString)> CreateAsync(string adminConnectionString, string prefix)
    {
        var name = NewName(prefix);
        await ExecuteAsync(adminConnectionString, $"CREATE DATABASE \"{name}\"");
        var connectionString = new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = name }.ConnectionString;
        return (name, connectionString);
    }

    /// <summary>Drops a database, disconnecting whoever still uses it.</summary>
    public static Task DropAsync(string adminConnectionString, string name) =>
        ExecuteAsync(adminConnectionString, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");

    /// <summary>
    /// <c>rta_PREFIX_RANDOM</c>: the prefix lower-cased, anything but letters, digits and underscores replaced,
    /// so the name never needs escaping and stays within PostgreSQL's 63-byte limit.
    /// </summary>
    public static string NewName(string prefix)
    {
        var cleaned = new StringBuilder(MaxPrefixLength);
        foreach (var character in prefix.ToLowerInvariant())
        {
            if (cleaned.Length == MaxPrefixLength)
            {
                break;
            }

            cleaned.Append(char.IsAsciiLetterOrDigit(character) ? character : '_');
        }

        return $"rta_{cleaned}_{Guid.NewGuid().ToString("N")[..12]}";
    }

    private static async Task ExecuteAsync(string adminConnectionString, string sql)
    {
        using var timeoutSource = new CancellationTokenSource(CommandTimeout);
        try
        {
            await using var connection = new NpgsqlConnection(adminConnectionString);
            await connection.OpenAsync(timeoutSource.Token);
            await using var command = new NpgsqlCommand(sql, connection);
            await command.ExecuteNonQueryAsync(timeoutSource.Token);
        }
        catch (OperationCanceledException exception) when (timeoutSource.IsCancellationRequested)
        {
            var server = new NpgsqlConnectionStringBuilder(adminConnectionString);
            throw new TimeoutException(
                $"PostgreSQL at {server.Host}:{server.Port} did not run `{sql}` within {CommandTimeout.TotalSeconds:0} s.", exception);
        }
    }
}
