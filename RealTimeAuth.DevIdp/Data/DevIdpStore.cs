using Microsoft.Data.Sqlite;

namespace RealTimeAuth.DevIdp.Data;

/// <summary>The dev IdP's SQLite store: one connection string per database file, and its pool.</summary>
public static class DevIdpStore
{
    public static string ConnectionString(string databasePath) => new SqliteConnectionStringBuilder { DataSource = databasePath }.ToString();

    /// <summary>
    /// Closes the pooled connections to one database file, so it can be deleted. Unlike
    /// <see cref="SqliteConnection.ClearAllPools"/> it leaves other databases' pools (other hosts in the same process) alone.
    /// </summary>
    public static void ClearPool(string databasePath)
    {
        using var connection = new SqliteConnection(ConnectionString(databasePath));
        SqliteConnection.ClearPool(connection);
    }
}
