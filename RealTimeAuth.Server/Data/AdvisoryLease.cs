using Microsoft.EntityFrameworkCore;

namespace RealTimeAuth.Server.Data;

/// <summary>
/// A PostgreSQL session-level advisory lock that elects one replica for a periodic job. It is held on the context's
/// open connection, so a replica that dies lets it go with its connection.
/// </summary>
internal static class AdvisoryLease
{
    /// <summary>Takes the lease if no other session holds it; the context's connection must be open and stay open.</summary>
    public static async Task<bool> TryTakeAsync(RtaDbContext lease, long key, CancellationToken cancellationToken) =>
        (await lease.Database.SqlQuery<bool>($"SELECT pg_try_advisory_lock({key}) AS \"Value\"").ToListAsync(cancellationToken)).Single();

    /// <summary>Lets the lease go; false when the connection is gone, and the lock with it.</summary>
    public static async Task<bool> TryReleaseAsync(RtaDbContext lease, long key)
    {
        try
        {
            await lease.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({key})", CancellationToken.None);
            return true;
        }
        catch (Exception exception) when (exception is System.Data.Common.DbException or InvalidOperationException)
        {
            return false;
        }
    }
}
