using System.Collections.Concurrent;
using System.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RealTimeAuth.Server.Data;
using RealTimeAuth.Server.Telemetry;
using StackExchange.Redis;

namespace RealTimeAuth.Server.Events;

/// <summary>
/// Keeps this replica equal to the event log: loads a snapshot at start, then reads entries in sequence order whenever
/// Redis announces one and at every poll interval, so a lost announcement (Redis restart, disconnect) only delays it. What
/// an entry means is the business of the <see cref="IEventLogObserver"/>s (sessions, keys, the active policy); this class
/// only reads the log and hands them their entries. It knows when it last proved itself current; past
/// <see cref="ReplicaOptions.MaxStaleness"/> decisions are refused.
/// </summary>
internal sealed partial class ReplicaSynchronizer(
    IServiceScopeFactory scopeFactory,
    IConnectionMultiplexer redis,
    DatabaseMigrationState migrations,
    AppliedSequence applied,
    IOptions<ReplicaOptions> options,
    TimeProvider timeProvider,
    RtaServerTelemetry telemetry,
    IEnumerable<IEventLogObserver> observers,
    ILogger<ReplicaSynchronizer> logger) : BackgroundService, IReplicaCurrency
{
    private const int BatchSize = 500;

    // Compiled once: the log is read after every write anywhere in the cluster, and an ad-hoc query pays EF's expression
    // evaluation and query-cache lookup on each read.
    private static readonly Func<RtaDbContext, long, IAsyncEnumerable<EventLogRecord>> EntriesAfter =
        EF.CompileAsyncQuery((RtaDbContext db, long last) =>
            db.EventLog.AsNoTracking().Where(entry => entry.Sequence > last).OrderBy(entry => entry.Sequence).Take(BatchSize));
    private readonly SemaphoreSlim _signal = new(0, int.MaxValue);
    private readonly ConcurrentQueue<TaskCompletionSource> _catchUpWaiters = new();
    private readonly IEventLogObserver[] _observers = [.. observers];
    private long _lastVerifiedTicks;
    private int _subscribed;
    private volatile bool _loaded;

    public bool IsCurrent =>
        _loaded && timeProvider.GetUtcNow().UtcTicks - Interlocked.Read(ref _lastVerifiedTicks) <= options.Value.MaxStaleness.Ticks;

    public long LastAppliedSequence => applied.Last;

    /// <summary>
    /// Raised on the synchronizer's loop with each batch of entries it has just applied, in sequence order, so a
    /// reader of the whole log (the admin stream) needs no query of its own. Handlers must be quick and not throw.
    /// </summary>
    public event Action<IReadOnlyList<EventLogRecord>>? EntriesApplied;

    /// <summary>Completes once this replica has applied the entry <paramref name="sequence"/>.</summary>
    public Task WaitForAppliedAsync(long sequence, CancellationToken cancellationToken) =>
        applied.WaitAsync(sequence, Signal, cancellationToken);

    public async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        var waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _catchUpWaiters.Enqueue(waiter);
        Signal();
        try
        {
            await waiter.Task.WaitAsync(options.Value.MaxStaleness, timeProvider, cancellationToken);
        }
        catch (TimeoutException)
        {
            // The caller re-checks what it needed and refuses if it is still missing.
        }
    }

    /// <summary>
    /// Asks for a read of the log that starts after this call. Requests coalesce: one pending wake-up answers every
    /// request made before its read starts. Each session created announces its entry and waits for it, so counting
    /// every request made a thousand agents connecting leave a backlog of empty reads that ran on for minutes.
    /// </summary>
    public void Signal()
    {
        // Two callers may both see zero and release twice; that costs one extra read, never a missed one.
        if (_signal.CurrentCount == 0)
        {
            _signal.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await migrations.Completion.WaitAsync(stoppingToken);
        await SubscribeAsync();
        await LoadSnapshotWithRetryAsync(stoppingToken);

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await _signal.WaitAsync(options.Value.PollInterval, stoppingToken);
                await ReadLogAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                LogCatchUpFailed(logger, exception.GetType().Name, exception.Message);
            }
        }
    }

    /// <summary>
    /// Listens for announcements. With Redis down at start this must not stop the replica (the log poll keeps it current),
    /// so a failed subscription is logged and tried again when the connection comes back; the multiplexer renews one
    /// that succeeded by itself. A reconnect also reads the log, for announcements lost while Redis was away.
    /// </summary>
    private async Task SubscribeAsync()
    {
        redis.ConnectionRestored += (_, _) =>
        {
            Signal();
            if (Volatile.Read(ref _subscribed) == 0)
            {
                _ = TrySubscribeAsync();
            }
        };
        await TrySubscribeAsync();
    }

    private async Task TrySubscribeAsync()
    {
        try
        {
            await redis.GetSubscriber().SubscribeAsync(EventAnnouncer.Channel, (_, _) => Signal());
            Volatile.Write(ref _subscribed, 1);
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            LogSubscribeFailed(logger, exception.GetType().Name);
        }
    }

    private async Task LoadSnapshotWithRetryAsync(CancellationToken stoppingToken)
    {
        while (true)
        {
            try
            {
                await LoadSnapshotAsync(stoppingToken);
                return;
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                LogCatchUpFailed(logger, exception.GetType().Name, exception.Message);
                await Task.Delay(options.Value.PollInterval, stoppingToken);
            }
        }
    }

    private async Task LoadSnapshotAsync(CancellationToken cancellationToken)
    {
        var started = timeProvider.GetUtcNow();
        await using var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RtaDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        var last = await db.EventLog.MaxAsync(entry => (long?)entry.Sequence, cancellationToken) ?? 0;
        foreach (var observer in _observers)
        {
            await observer.LoadAsync(db, started, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        Interlocked.Exchange(ref _lastVerifiedTicks, started.UtcTicks);
        _loaded = true;
        LogSnapshotLoaded(logger, last);
        applied.Advance(last);
    }

    private async Task ReadLogAsync(CancellationToken cancellationToken)
    {
        // Waiters queued before this pass starts are answered by it, whether it succeeds or fails.
        var answered = new List<TaskCompletionSource>();
        while (_catchUpWaiters.TryDequeue(out var waiter))
        {
            answered.Add(waiter);
        }

        try
        {
            await ApplyNewEntriesAsync(cancellationToken);
        }
        finally
        {
            answered.ForEach(waiter => waiter.TrySetResult());
        }
    }

    private async Task ApplyNewEntriesAsync(CancellationToken cancellationToken)
    {
        var started = timeProvider.GetUtcNow();
        await using var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RtaDbContext>();
        while (true)
        {
            var last = LastAppliedSequence;
            telemetry.LogReads.Add(1);
            var entries = await EntriesAfter(db, last).ToListAsync(cancellationToken);
            if (entries.Count > 0)
            {
                await ApplyAsync(db, entries, cancellationToken);
                applied.Advance(entries[^1].Sequence);
                EntriesApplied?.Invoke(entries);
            }

            if (entries.Count < BatchSize)
            {
                break;
            }
        }

        Interlocked.Exchange(ref _lastVerifiedTicks, started.UtcTicks);
    }

    private async Task ApplyAsync(RtaDbContext db, List<EventLogRecord> entries, CancellationToken cancellationToken)
    {
        foreach (var observer in _observers)
        {
            var mine = entries.Where(entry => observer.EventTypes.Contains(entry.Type)).ToList();
            if (mine.Count > 0)
            {
                await observer.ApplyAsync(db, mine, cancellationToken);
            }
        }
    }

    public override void Dispose()
    {
        _signal.Dispose();
        base.Dispose();
    }

    [LoggerMessage(EventId = 2000, Level = LogLevel.Information, Message = "Loaded the event log's state up to event {Sequence}")]
    private static partial void LogSnapshotLoaded(ILogger logger, long sequence);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning,
        Message = "Could not listen for event announcements on Redis ({Error}); polling the log until Redis is back")]
    private static partial void LogSubscribeFailed(ILogger logger, string error);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning, Message = "Reading the event log failed ({Error}: {Reason}); retrying")]
    private static partial void LogCatchUpFailed(ILogger logger, string error, string reason);
}
