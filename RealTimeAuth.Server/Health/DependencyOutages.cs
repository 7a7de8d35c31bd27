using Npgsql;
using StackExchange.Redis;

namespace RealTimeAuth.Server.Health;

/// <summary>Tells an exception that means "PostgreSQL or Redis is down" from one that means a bug (ADR 0021).</summary>
internal static class DependencyOutages
{
    /// <summary>
    /// The outage's reason code, or null when <paramref name="exception"/> is not an outage. EF Core wraps the driver's
    /// exception (<c>DbUpdateException</c>), so the inner chain is searched.
    /// </summary>
    public static string? ReasonOf(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                // Transient: the connection failed or broke, or the server is shutting down or starting (SQLSTATE 08, 57P0x).
                case NpgsqlException { IsTransient: true }:
                    return DependencyOutageReasons.DatabaseUnavailable;
                case RedisConnectionException or RedisTimeoutException:
                    return DependencyOutageReasons.RedisUnavailable;
            }
        }

        return null;
    }
}
