using Microsoft.EntityFrameworkCore;

namespace RealTimeAuth.Server.Data;

/// <summary>
/// A PostgreSQL session-level advisory lock that elects one replica for a periodic job. It is held on the context's
/// open connection, so a replica that dies lets it go with its connection.
/// </summary>
internal static class AdvisoryLease
{
    /// <summary>
    /// Runs <paramref name="work"/> (given the lease's own context) if this replica takes the lease, on a connection
    /// opened in a scope of its own, and lets the lease go after; false when another replica holds it.
    /// </summary>
    public static async Task<bool> RunIfTakenAsync(
        IServiceScopeFactory scopeFactory, long key, Func<RtaDbContext, Task> work, CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var lease = scope.ServiceProvider.GetRequiredService<RtaDbContext>();
        await lease.Database.OpenConnectionAsync(cancellationToken);
        if (!await TryTakeAsync(lease, key, cancellationToken))
        {
            return false;
        }

        try
        {
            await work(lease);
            return true;
        }
        finally
        {
            // Closing the connection would release it too; unlocking keeps a pooled connection clean.
            await TryReleaseAsync(lease, key);
        }
    }

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
