using System.Collections.Concurrent;
using System.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RealTimeAuth.Server.Data;
using RealTimeAuth.Server.Telemetry;

namespace RealTimeAuth.Server.Events;

/// <summary>
/// Keeps this replica equal to the event log: loads a snapshot at start, then applies entries in sequence order, each once:
/// those announced (<see cref="AnnouncedEntries"/>) that continue exactly from the last applied, and otherwise what a read of
/// the log finds after it. The log is read at every poll interval, for a hint, a gap, or a caller waiting for more, so a lost
/// announcement (Redis restart, disconnect) only delays a replica (ADR 0003, 0025). What
/// an entry means is the business of the <see cref="IEventLogObserver"/>s (sessions, keys, the active policy); this class
/// only reads the log and hands them their entries. It knows when it last proved itself current; past
/// <see cref="ReplicaOptions.MaxStaleness"/> decisions are refused.
/// </summary>
internal sealed partial class ReplicaSynchronizer(
    IServiceScopeFactory scopeFactory,
    AnnouncementListener listener,
    AnnouncedEntries announced,
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
    private int _readRequested;
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
        applied.WaitAsync(sequence, Wake, cancellationToken);

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
        Volatile.Write(ref _readRequested, 1);
        Wake();
    }

    /// <summary>Wakes the loop to apply what was announced; it reads the log too if a caller waits for more.</summary>
    private void Wake()
    {
        // Two callers may both see zero and release twice; that costs one extra pass, never a missed one.
        if (_signal.CurrentCount == 0)
        {
            _signal.Release();
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await migrations.Completion.WaitAsync(stoppingToken);
        announced.Arrived = Wake;
        await listener.SubscribeAsync(readLog: Signal);
        await LoadSnapshotWithRetryAsync(stoppingToken);

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var woken = await _signal.WaitAsync(options.Value.PollInterval, stoppingToken);
                var requested = Interlocked.Exchange(ref _readRequested, 0) == 1;
                var gap = await ApplyAnnouncedAsync(stoppingToken);
                if (!woken || requested || gap || MustReadLog())
                {
                    await ReadLogAsync(stoppingToken);
                    announced.DropStranded();
                }
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
    /// Whether this pass reads the log though it was not asked to: a caller waits for an entry not yet applied, or the last
    /// read is a poll interval old (announcements alone never prove the replica current).
    /// </summary>
    private bool MustReadLog() =>
        !_catchUpWaiters.IsEmpty
        || applied.HasWaitersBeyond(applied.Last)
        || timeProvider.GetUtcNow().UtcTicks - Interlocked.Read(ref _lastVerifiedTicks) >= options.Value.PollInterval.Ticks;

    /// <summary>
    /// Applies the announced entries that continue exactly from the last applied, without reading the log; true when
    /// later ones wait behind a gap (a sequence rolled back or not announced), which only the log can fill. Applying them
    /// proves nothing about what was not announced, so it leaves the replica's currency as it was.
    /// </summary>
    private async Task<bool> ApplyAnnouncedAsync(CancellationToken cancellationToken)
    {
        var run = announced.TakeNext(applied.Last, out var gap);
        if (run.Count == 0)
        {
            return gap;
        }

        try
        {
            await using var scope = scopeFactory.CreateAsyncScope();
            await ApplyAsync(scope.ServiceProvider.GetRequiredService<RtaDbContext>(), run, cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            // The log has the same entries: read them there.
            LogCatchUpFailed(logger, exception.GetType().Name, exception.Message);
            return true;
        }

        applied.Advance(run[^1].Sequence);
        telemetry.AnnouncedEntriesApplied.Add(run.Count);
        EntriesApplied?.Invoke(run);
        return gap;
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

    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning, Message = "Reading the event log failed ({Error}: {Reason}); retrying")]
    private static partial void LogCatchUpFailed(ILogger logger, string error, string reason);
}
