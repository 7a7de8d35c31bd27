using Microsoft.EntityFrameworkCore;
using RealTimeAuth.Server.Data;
using RealTimeAuth.Server.Events;

namespace RealTimeAuth.Server.Sessions;

/// <summary>
/// Writes new sessions in groups. One loop takes every session queued since its last write (up to
/// <see cref="GroupCommitQueue{TItem, TResult}.MaxBatch"/>) into one transaction: one append lock, one check of the parents, one batch of inserts with a
/// <c>session.created</c> entry each, one commit, one wait for this replica to apply them; the users' blocks are asked
/// once for the batch, under the lock (<see cref="INewSessionGate"/>). Concurrent exchanges
/// otherwise each held the cluster-wide append lock for four round trips and woke the replica loop once more, which is
/// what bound the exchange rate (ADR 0023). A lone exchange is a batch of one and waits for nobody.
/// </summary>
public sealed partial class SessionInsertBatcher(IServiceScopeFactory scopeFactory, ILogger<SessionInsertBatcher> logger)
    : GroupCommitQueue<SessionInsertBatcher.NewSession, SessionCreationError>
{
    private const string Active = nameof(SessionStatus.Active);

    /// <summary>
    /// Inserts the session and returns once this replica has applied it: <see cref="SessionCreationError.None"/>, or
    /// <see cref="SessionCreationError.ParentNotActive"/> when its parent was revoked before the write, or
    /// <see cref="SessionCreationError.UserBlocked"/> when a gate refuses its user. A failed write
    /// throws, for every session of its batch; so does a replica that is stopping.
    /// </summary>
    public Task<SessionCreationError> InsertAsync(SessionState session, string actor, CancellationToken cancellationToken) =>
        EnqueueAsync(new NewSession(session, actor), cancellationToken);

    protected override void OnGroupFailed(int count, Exception exception) =>
        LogBatchFailed(logger, count, exception.GetType().Name, exception.Message);

    protected override async Task WriteAsync(IReadOnlyList<Pending> batch, CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RtaDbContext>();
        var events = scope.ServiceProvider.GetRequiredService<EventLogWriter>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await events.LockAsync(db, cancellationToken);

        // The cache may lag a revocation committed a moment ago; under the lock the rows are the truth.
        var parents = batch.Select(item => item.Item.Session.ParentId).OfType<Guid>().Distinct().ToArray();
        var activeParents = parents.Length == 0
            ? []
            : (await db.Sessions.AsNoTracking().Where(row => parents.Contains(row.Id) && row.Status == Active).Select(row => row.Id).ToListAsync(cancellationToken)).ToHashSet();
        var blocked = await BlockedAsync(scope.ServiceProvider, db, batch, cancellationToken);
        var written = new List<Pending>(batch.Count);
        var entries = new List<EventLogRecord>(batch.Count);
        foreach (var item in batch)
        {
            if (item.Item.Session.ParentId is { } parent && !activeParents.Contains(parent))
            {
                item.Done.TrySetResult(SessionCreationError.ParentNotActive);
                continue;
            }

            if (blocked.Contains(item.Item.Session.Id))
            {
                item.Done.TrySetResult(SessionCreationError.UserBlocked);
                continue;
            }

            db.Sessions.Add(item.Item.Session.ToEntity());
            entries.Add(events.Append(db, RtaEventTypes.SessionCreated, new SessionEventPayload([item.Item.Session.Id]), item.Item.Actor));
            written.Add(item);
        }

        if (entries.Count == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            return;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await scope.ServiceProvider.GetRequiredService<SessionChangePublisher>().PublishAsync(db, entries, cancellationToken);
        written.ForEach(item => item.Done.TrySetResult(SessionCreationError.None));
    }

    private static async Task<HashSet<Guid>> BlockedAsync(
        IServiceProvider services, RtaDbContext db, IReadOnlyList<Pending> batch, CancellationToken cancellationToken)
    {
        var blocked = new HashSet<Guid>();
        var sessions = batch.Select(item => item.Item.Session).ToList();
        foreach (var gate in services.GetServices<INewSessionGate>())
        {
            blocked.UnionWith(await gate.RefusedAsync(db, sessions, cancellationToken));
        }

        return blocked;
    }

    /// <summary>A session to write, and who asked.</summary>
    public sealed record NewSession(SessionState Session, string Actor);

    [LoggerMessage(EventId = 1080, Level = LogLevel.Warning, Message = "Writing a batch of {Count} new sessions failed ({Error}: {Reason}); each exchange in it is refused")]
    private static partial void LogBatchFailed(ILogger logger, int count, string error, string reason);
}
