using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using RealTimeAuth.Server.Data;
using RealTimeAuth.Server.Events;

namespace RealTimeAuth.Server.Sessions;

/// <summary>
/// Writes new sessions in groups. One loop takes every session queued since its last write (up to
/// <see cref="MaxBatch"/>) into one transaction: one append lock, one check of the parents, one batch of inserts with a
/// <c>session.created</c> entry each, one commit, one wait for this replica to apply them; the users' blocks are asked
/// once for the batch, under the lock (<see cref="INewSessionGate"/>). Concurrent exchanges
/// otherwise each held the cluster-wide append lock for four round trips and woke the replica loop once more, which is
/// what bound the exchange rate (ADR 0023). A lone exchange is a batch of one and waits for nobody.
/// </summary>
public sealed partial class SessionInsertBatcher(IServiceScopeFactory scopeFactory, ILogger<SessionInsertBatcher> logger) : BackgroundService
{
    internal const int MaxBatch = 64;
    private const string Active = nameof(SessionStatus.Active);

    private readonly Channel<PendingInsert> _queue = Channel.CreateUnbounded<PendingInsert>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>
    /// Inserts the session and returns once this replica has applied it: <see cref="SessionCreationError.None"/>, or
    /// <see cref="SessionCreationError.ParentNotActive"/> when its parent was revoked before the write, or
    /// <see cref="SessionCreationError.UserBlocked"/> when a gate refuses its user. A failed write
    /// throws, for every session of its batch; so does a replica that is stopping.
    /// </summary>
    public Task<SessionCreationError> InsertAsync(SessionState session, string actor, CancellationToken cancellationToken)
    {
        var pending = new PendingInsert(session, actor);
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new OperationCanceledException("The replica is stopping; no session is written.");
        }

        // The caller may give up waiting; the write itself goes on, as a committed session would.
        return pending.Done.Task.WaitAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<PendingInsert>(MaxBatch);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var next))
                {
                    batch.Add(next);
                }

                try
                {
                    await WriteAsync(batch, stoppingToken);
                }
                catch (Exception exception)
                {
                    LogBatchFailed(logger, batch.Count, exception.GetType().Name, exception.Message);
                    batch.ForEach(item => item.Done.TrySetException(exception));
                }

                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping: refuse what is still queued, and anything queued from now on.
        }
        finally
        {
            _queue.Writer.TryComplete();
            var stopped = new OperationCanceledException("The replica stopped before the session was written.");
            batch.ForEach(item => item.Done.TrySetException(stopped));
            while (_queue.Reader.TryRead(out var left))
            {
                left.Done.TrySetException(stopped);
            }
        }
    }

    private async Task WriteAsync(List<PendingInsert> batch, CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RtaDbContext>();
        var events = scope.ServiceProvider.GetRequiredService<EventLogWriter>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await events.LockAsync(db, cancellationToken);

        // The cache may lag a revocation committed a moment ago; under the lock the rows are the truth.
        var parents = batch.Select(item => item.Session.ParentId).OfType<Guid>().Distinct().ToArray();
        var activeParents = parents.Length == 0
            ? []
            : (await db.Sessions.AsNoTracking().Where(row => parents.Contains(row.Id) && row.Status == Active).Select(row => row.Id).ToListAsync(cancellationToken)).ToHashSet();
        var blocked = await BlockedAsync(scope.ServiceProvider, db, batch, cancellationToken);
        var written = new List<PendingInsert>(batch.Count);
        var entries = new List<EventLogRecord>(batch.Count);
        foreach (var item in batch)
        {
            if (item.Session.ParentId is { } parent && !activeParents.Contains(parent))
            {
                item.Done.TrySetResult(SessionCreationError.ParentNotActive);
                continue;
            }

            if (blocked.Contains(item.Session.Id))
            {
                item.Done.TrySetResult(SessionCreationError.UserBlocked);
                continue;
            }

            db.Sessions.Add(item.Session.ToEntity());
            entries.Add(events.Append(db, RtaEventTypes.SessionCreated, new SessionEventPayload([item.Session.Id]), item.Actor));
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
        IServiceProvider services, RtaDbContext db, List<PendingInsert> batch, CancellationToken cancellationToken)
    {
        var blocked = new HashSet<Guid>();
        var sessions = batch.ConvertAll(item => item.Session);
        foreach (var gate in services.GetServices<INewSessionGate>())
        {
            blocked.UnionWith(await gate.RefusedAsync(db, sessions, cancellationToken));
        }

        return blocked;
    }

    private sealed record PendingInsert(SessionState Session, string Actor)
    {
        public TaskCompletionSource<SessionCreationError> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    [LoggerMessage(EventId = 1080, Level = LogLevel.Warning, Message = "Writing a batch of {Count} new sessions failed ({Error}: {Reason}); each exchange in it is refused")]
    private static partial void LogBatchFailed(ILogger logger, int count, string error, string reason);
}
