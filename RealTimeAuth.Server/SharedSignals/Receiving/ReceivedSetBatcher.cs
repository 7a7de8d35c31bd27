using System.Threading.Channels;
using Npgsql;
using RealTimeAuth.Server.SharedSignals.Validation;

namespace RealTimeAuth.Server.SharedSignals.Receiving;

/// <summary>
/// Stores validated SETs in groups. One loop takes every SET queued since its last write (up to <see cref="MaxBatch"/>)
/// and stores them with one statement and one commit, then wakes the applier once; each caller's answer waits for its
/// own row's commit. One commit per request bounded a burst's receiving side (ADR 0026). A lone SET is a group of one
/// and waits for nobody. A group the database refuses as a whole (a row that breaks a constraint) is written again one
/// SET at a time, so one bad row fails only its own delivery.
/// </summary>
internal sealed partial class ReceivedSetBatcher(IServiceScopeFactory scopeFactory, SetArrivalSignal signal, ILogger<ReceivedSetBatcher> logger) : BackgroundService
{
    internal const int MaxBatch = 64;

    private readonly Channel<PendingSet> _queue = Channel.CreateUnbounded<PendingSet>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>
    /// True once the SET is stored and committed; false when its (iss, jti) was received before. A failed write throws
    /// the database's exception, and nothing of the SET is stored; so does a replica that is stopping.
    /// </summary>
    public Task<bool> AddAsync(ValidatedSet set, string delivery, CancellationToken cancellationToken)
    {
        var pending = new PendingSet(set, delivery);
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new OperationCanceledException("The replica is stopping; the SET is not stored.");
        }

        // The caller may give up waiting; the write goes on, and a redelivery finds it.
        return pending.Done.Task.WaitAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new List<PendingSet>(MaxBatch);
        try
        {
            while (await _queue.Reader.WaitToReadAsync(stoppingToken))
            {
                while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var next))
                {
                    batch.Add(next);
                }

                await WriteAsync(batch, stoppingToken);
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
            var stopped = new OperationCanceledException("The replica stopped before the SET was stored.");
            batch.ForEach(item => item.Done.TrySetException(stopped));
            while (_queue.Reader.TryRead(out var left))
            {
                left.Done.TrySetException(stopped);
            }
        }
    }

    private async Task WriteAsync(List<PendingSet> batch, CancellationToken cancellationToken)
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
                await WriteAsync([item], cancellationToken);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            LogWriteFailed(logger, batch.Count, exception.GetType().Name, exception.Message);
            batch.ForEach(item => item.Done.TrySetException(exception));
        }
    }

    private async Task StoreAsync(List<PendingSet> batch, CancellationToken cancellationToken)
    {
        bool[] isNew;
        await using (var scope = scopeFactory.CreateAsyncScope())
        {
            isNew = await scope.ServiceProvider.GetRequiredService<ReceivedSetStore>()
                .AddAsync([.. batch.Select(item => (item.Set, item.Delivery))], cancellationToken);
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

    private sealed record PendingSet(ValidatedSet Set, string Delivery)
    {
        public TaskCompletionSource<bool> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    [LoggerMessage(EventId = 5033, Level = LogLevel.Warning, Message = "Storing a group of {Count} SETs failed ({Error}: {Reason}); each delivery in it is refused for now")]
    private static partial void LogWriteFailed(ILogger logger, int count, string error, string reason);

    [LoggerMessage(EventId = 5034, Level = LogLevel.Warning, Message = "The database refused a group of {Count} SETs ({SqlState}); storing them one by one")]
    private static partial void LogGroupRefused(ILogger logger, int count, string sqlState);
}
