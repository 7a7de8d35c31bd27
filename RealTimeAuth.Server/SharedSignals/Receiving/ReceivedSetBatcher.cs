using Npgsql;
using RealTimeAuth.Server.Data;
using RealTimeAuth.Server.SharedSignals.Validation;

namespace RealTimeAuth.Server.SharedSignals.Receiving;

/// <summary>
/// Stores validated SETs in groups. One loop takes every SET queued since its last write (up to <see cref="GroupCommitQueue{TItem, TResult}.MaxBatch"/>)
/// and stores them with one statement and one commit, then wakes the applier once; each caller's answer waits for its
/// own row's commit. One commit per request bounded a burst's receiving side (ADR 0026). A lone SET is a group of one
/// and waits for nobody. A group the database refuses as a whole (a row that breaks a constraint) is written again one
/// SET at a time, so one bad row fails only its own delivery.
/// </summary>
internal sealed partial class ReceivedSetBatcher(IServiceScopeFactory scopeFactory, SetArrivalSignal signal, ILogger<ReceivedSetBatcher> logger)
    : GroupCommitQueue<ReceivedSetBatcher.ReceivedSet, bool>
{
    /// <summary>
    /// True once the SET is stored and committed; false when its (iss, jti) was received before. A failed write throws
    /// the database's exception, and nothing of the SET is stored; so does a replica that is stopping.
    /// </summary>
    public Task<bool> AddAsync(ValidatedSet set, string delivery, CancellationToken cancellationToken) =>
        EnqueueAsync(new ReceivedSet(set, delivery), cancellationToken);

    protected override Task WriteAsync(IReadOnlyList<Pending> group, CancellationToken cancellationToken) => WriteGroupAsync(group, cancellationToken);

    protected override void OnGroupFailed(int count, Exception exception) =>
        LogWriteFailed(logger, count, exception.GetType().Name, exception.Message);

    // Answers each SET itself: a group the database refuses is split, and a failure then fails only its own SET.
    private async Task WriteGroupAsync(IReadOnlyList<Pending> batch, CancellationToken cancellationToken)
    {
        try
        {
            await StoreAsync(batch, cancellationToken);
        }
        catch (PostgresException exception) when (batch.Count > 1)
        {
            // The server refused the statement; its rows decide alone. A lost connection or a timeout fails them all.
            LogGroupRefused(logger, batch.Count, exception.SqlState);
            foreach (var item in batch)
            {
                await WriteGroupAsync([item], cancellationToken);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            OnGroupFailed(batch.Count, exception);
            foreach (var item in batch)
            {
                item.Done.TrySetException(exception);
            }
        }
    }

    private async Task StoreAsync(IReadOnlyList<Pending> batch, CancellationToken cancellationToken)
    {
        bool[] isNew;
        await using (var scope = scopeFactory.CreateAsyncScope())
        {
            isNew = await scope.ServiceProvider.GetRequiredService<ReceivedSetStore>()
                .AddAsync([.. batch.Select(item => (item.Item.Set, item.Item.Delivery))], cancellationToken);
        }

        if (isNew.Any(stored => stored))
        {
            await signal.NotifyAsync();
        }

        for (var index = 0; index < batch.Count; index++)
        {
            batch[index].Done.TrySetResult(isNew[index]);
        }
    }

    /// <summary>A validated SET to store, and the delivery it came by.</summary>
    internal sealed record ReceivedSet(ValidatedSet Set, string Delivery);

    [LoggerMessage(EventId = 5033, Level = LogLevel.Warning, Message = "Storing a group of {Count} SETs failed ({Error}: {Reason}); each delivery in it is refused for now")]
    private static partial void LogWriteFailed(ILogger logger, int count, string error, string reason);

    [LoggerMessage(EventId = 5034, Level = LogLevel.Warning, Message = "The database refused a group of {Count} SETs ({SqlState}); storing them one by one")]
    private static partial void LogGroupRefused(ILogger logger, int count, string sqlState);
}
