using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RealTimeAuth.Server.Data;
using RealTimeAuth.Server.Events;
using RealTimeAuth.Server.Sessions;
using RealTimeAuth.Server.SharedSignals.Effects;
using RealTimeAuth.Server.SharedSignals.Streams;
using RealTimeAuth.Server.SharedSignals.Subjects;

namespace RealTimeAuth.Server.SharedSignals.Receiving;

/// <summary>
/// Applies accepted SETs, durably and in the order they were received. Each round, the replica that takes the applier
/// lease (a PostgreSQL advisory lock, held only for the round and released with its connection) reads the SETs still
/// pending (up to 100), applies each one's effect in order, then marks them applied together with an event log entry
/// each (jti, effect, timing) in one transaction. A crash between effects and mark applies those SETs again later,
/// which changes nothing twice: every effect is idempotent. A SET whose effect keeps failing is marked failed after
/// <see cref="SharedSignalsOptions.MaxApplyAttempts"/>, so one bad SET cannot stall the stream.
/// </summary>
internal sealed partial class SetApplier(
    IServiceScopeFactory scopeFactory,
    SsfStreamCatalog catalog,
    SetArrivalSignal signal,
    DatabaseMigrationState migrations,
    IOptionsMonitor<SharedSignalsOptions> options,
    TimeProvider timeProvider,
    ILogger<SetApplier> logger) : BackgroundService
{
    private const long LeaseKey = 0x5254_4153_5346_4150; // "RTASSFAP"
    private const int BatchSize = 100;
    private static readonly TimeSpan CleanupInterval = TimeSpan.FromHours(1);

    private readonly List<(DateTimeOffset Due, SubjectUser User, string Reason)> _resweeps = [];
    private DateTimeOffset _nextCleanup = DateTimeOffset.MinValue;

    /// <summary>Whether this replica held the lease in its latest round.</summary>
    public bool IsLeader { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.CurrentValue.ApplyEvents)
        {
            return;
        }

        await migrations.Completion.WaitAsync(stoppingToken);
        await catalog.Loaded.WaitAsync(stoppingToken);
        await signal.SubscribeAsync();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RoundAsync(stoppingToken);
                await signal.WaitAsync(options.CurrentValue.ApplyPollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                IsLeader = false;
                LogApplierFailed(logger, exception.GetType().Name, exception.Message);
                await Task.Delay(options.CurrentValue.ApplyPollInterval, timeProvider, stoppingToken);
            }
        }
    }

    /// <summary>One round: take the lease if no other replica holds it, apply what is pending, let the lease go.</summary>
    private async Task RoundAsync(CancellationToken stoppingToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var lease = scope.ServiceProvider.GetRequiredService<RtaDbContext>();
        await lease.Database.OpenConnectionAsync(stoppingToken);
        if (!await TryLockAsync(lease, stoppingToken))
        {
            IsLeader = false;
            return;
        }

        try
        {
            if (!IsLeader)
            {
                LogLeading(logger);
            }

            IsLeader = true;
            await ApplyPendingAsync(stoppingToken);
            await ResweepAsync(stoppingToken);
            await CleanUpAsync(stoppingToken);
        }
        finally
        {
            await UnlockAsync(lease);
        }
    }

    private async Task ApplyPendingAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            List<ReceivedSetEntity> pending;
            await using (var scope = scopeFactory.CreateAsyncScope())
            {
                pending = await scope.ServiceProvider.GetRequiredService<RtaDbContext>().ReceivedSets.AsNoTracking()
                    .Where(set => set.Status == ReceivedSetStatus.Pending)
                    .OrderBy(set => set.Id)
                    .Take(BatchSize)
                    .ToListAsync(cancellationToken);
            }

            var known = await FindKnownUsersAsync(pending, cancellationToken);
            var applied = new List<AppliedSet>(pending.Count);
            var retryLater = false;
            foreach (var set in pending)
            {
                if (await ApplyAsync(set, known, cancellationToken) is not { } outcome)
                {
                    retryLater = true; // Retry this one at the next turn, before anything received after it.
                    break;
                }

                applied.Add(outcome);
            }

            await MarkAsync(applied, cancellationToken);
            if (retryLater || pending.Count < BatchSize)
            {
                return;
            }
        }
    }

    /// <summary>
    /// Which users the round's <c>iss_sub</c> subjects name have sessions, in one statement for the round rather than
    /// one round trip per SET. A SET whose subject cannot be read here is resolved by itself when it is applied.
    /// </summary>
    private async Task<KnownUsers> FindKnownUsersAsync(List<ReceivedSetEntity> pending, CancellationToken cancellationToken)
    {
        var users = new List<SubjectUser>();
        foreach (var set in pending)
        {
            if (catalog.Find(set.StreamId) is not { } stream)
            {
                continue;
            }

            try
            {
                users.AddRange(SubjectResolver.IssuerSubjectUsers(ReceivedEventReader.Read(set, stream).Subject, stream));
            }
            catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException)
            {
                // Applying it reports the same failure against its attempts.
            }
        }

        if (users.Count == 0)
        {
            return KnownUsers.None;
        }

        await using var scope = scopeFactory.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SubjectResolver>().FindKnownUsersAsync(users, cancellationToken);
    }

    /// <summary>Applies one SET's effect; null when it failed and should be tried again later.</summary>
    private async Task<AppliedSet?> ApplyAsync(ReceivedSetEntity set, KnownUsers known, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopeFactory.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<SubjectResolver>().Use(known);
            var stream = catalog.Find(set.StreamId) ?? await LoadStreamAsync(scope, set.StreamId, cancellationToken);
            var result = await scope.ServiceProvider.GetRequiredService<SetEffectDispatcher>()
                .ApplyAsync(ReceivedEventReader.Read(set, stream), cancellationToken);
            return new AppliedSet(set, ReceivedSetStatus.Applied, result, null);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            var error = $"{exception.GetType().Name}: {exception.Message}";
            error = error.Length > 1024 ? error[..1024] : error;
            LogApplyFailed(logger, set.Jti, set.Attempts + 1, exception.GetType().Name, exception.Message);
            if (set.Attempts + 1 < options.CurrentValue.MaxApplyAttempts)
            {
                await RecordAttemptAsync(set.Id, error, cancellationToken);
                return null;
            }

            return new AppliedSet(set, ReceivedSetStatus.Failed, SetEffectResult.Of(SetEffectCodes.Failed), error);
        }
    }

    private static async Task<SsfStreamDescriptor> LoadStreamAsync(AsyncServiceScope scope, Guid streamId, CancellationToken cancellationToken)
    {
        var row = await scope.ServiceProvider.GetRequiredService<RtaDbContext>().SsfStreams.AsNoTracking()
            .SingleAsync(stream => stream.Id == streamId, cancellationToken);
        return SsfStreamCatalog.ToDescriptor(row);
    }

    /// <summary>
    /// Marks the SETs of one round and appends an event log entry for each, in one transaction; only still-pending SETs
    /// are marked. One transaction per SET held the append lock and committed once per SET, which bounded a burst at
    /// 244–349 applied SETs per second. A crash before this commit applies the round's effects again, which changes
    /// nothing twice.
    /// </summary>
    private async Task MarkAsync(List<AppliedSet> applied, CancellationToken cancellationToken)
    {
        if (applied.Count == 0)
        {
            return;
        }

        await using var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RtaDbContext>();
        var events = scope.ServiceProvider.GetRequiredService<EventLogWriter>();
        var now = timeProvider.GetUtcNow();
        var ids = applied.Select(item => item.Set.Id).ToArray();
        var statuses = applied.Select(item => item.Status).ToArray();
        var effects = applied.Select(item => item.Result.Effect).ToArray();
        var details = applied.Select(item => JsonSerializer.Serialize(item.Result.Detail)).ToArray();
        var attempts = applied.Select(item => item.Set.Attempts + 1).ToArray();
        var errors = applied.Select(item => item.Error).ToArray();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await events.LockAsync(db, cancellationToken);
        var marked = (await db.Database.SqlQuery<long>($"""
            UPDATE ssf_received_sets AS received SET status = marks.status, effect = marks.effect, effect_detail = marks.detail::jsonb,
                applied_at = {now}, attempts = marks.attempts, last_error = marks.error
            FROM unnest({ids}, {statuses}, {effects}, {details}, {attempts}, {errors}) AS marks(id, status, effect, detail, attempts, error)
            WHERE received.id = marks.id AND received.status = {ReceivedSetStatus.Pending}
            RETURNING received.id AS "Value"
            """).ToListAsync(cancellationToken)).ToHashSet();
        var written = applied.Where(item => marked.Contains(item.Set.Id)).ToList();
        if (written.Count == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            return;
        }

        foreach (var (set, _, result, _) in written)
        {
            events.Append(db, SsfEventLogTypes.EventProcessed, new SetProcessedPayload(
                set.Id, set.StreamId, set.Issuer, set.Jti, set.EventType, set.Delivery, result.Effect, result.Detail,
                set.IssuedAt, set.ReceivedAt, now, (now - set.ReceivedAt).TotalMilliseconds), $"ssf:{set.Issuer}");
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        foreach (var (set, _, result, _) in written)
        {
            LogApplied(logger, set.Jti, set.EventType, result.Effect, (now - set.ReceivedAt).TotalMilliseconds);
            foreach (var user in result.Resweep)
            {
                _resweeps.Add((now + options.CurrentValue.BlockResweepDelay, user, EffectOutcomes.ShortName(set.EventType)));
            }
        }
    }

    private async Task RecordAttemptAsync(long id, string error, CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RtaDbContext>().ReceivedSets
            .Where(row => row.Id == id)
            .ExecuteUpdateAsync(update => update.SetProperty(row => row.Attempts, row => row.Attempts + 1).SetProperty(row => row.LastError, error), cancellationToken);
    }

    /// <summary>Revokes the sessions of recently blocked users once more, catching an exchange that raced the block.</summary>
    private async Task ResweepAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        var due = _resweeps.Where(item => item.Due <= now).ToList();
        if (due.Count == 0)
        {
            return;
        }

        await using var scope = scopeFactory.CreateAsyncScope();
        var sessions = scope.ServiceProvider.GetRequiredService<SessionRevocations>();
        foreach (var item in due)
        {
            var result = await sessions.RevokeUserAsync(item.User.Issuer, item.User.Subject, item.Reason, "Swept again after a security event blocked the user.", "ssf:resweep", cancellationToken);
            _resweeps.Remove(item);
            if (result.RevokedSessionIds.Count > 0)
            {
                LogResweepCaught(logger, result.RevokedSessionIds.Count);
            }
        }
    }

    /// <summary>Deletes SETs applied longer ago than the retention; <see cref="SharedSignalsOptions.MaxSetAge"/> refuses any replay of them.</summary>
    private async Task CleanUpAsync(CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow();
        if (now < _nextCleanup)
        {
            return;
        }

        _nextCleanup = now + CleanupInterval;
        var before = now - options.CurrentValue.RetainReceivedSets;
        await using var scope = scopeFactory.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<RtaDbContext>().ReceivedSets
            .Where(row => row.Status != ReceivedSetStatus.Pending && row.ReceivedAt < before)
            .ExecuteDeleteAsync(cancellationToken);
    }

    private static Task<bool> TryLockAsync(RtaDbContext lease, CancellationToken cancellationToken) =>
        AdvisoryLease.TryTakeAsync(lease, LeaseKey, cancellationToken);

    private async Task UnlockAsync(RtaDbContext lease)
    {
        if (!await AdvisoryLease.TryReleaseAsync(lease, LeaseKey))
        {
            LogUnlockFailed(logger);
        }
    }

    [LoggerMessage(EventId = 5040, Level = LogLevel.Debug, Message = "This replica took the lease to apply received SETs")]
    private static partial void LogLeading(ILogger logger);

    [LoggerMessage(EventId = 5041, Level = LogLevel.Information, Message = "Applied SET {Jti} ({EventType}): {Effect}, {LatencyMs:0.0} ms after it was received")]
    private static partial void LogApplied(ILogger logger, string jti, string eventType, string effect, double latencyMs);

    [LoggerMessage(EventId = 5042, Level = LogLevel.Error, Message = "Applying SET {Jti} failed (attempt {Attempt}: {Error}: {Reason})")]
    private static partial void LogApplyFailed(ILogger logger, string jti, int attempt, string error, string reason);

    [LoggerMessage(EventId = 5043, Level = LogLevel.Warning, Message = "The SET applier stopped ({Error}: {Reason}); restarting")]
    private static partial void LogApplierFailed(ILogger logger, string error, string reason);

    [LoggerMessage(EventId = 5045, Level = LogLevel.Debug, Message = "Releasing the applier lease failed; the lock went with its connection")]
    private static partial void LogUnlockFailed(ILogger logger);

    [LoggerMessage(EventId = 5044, Level = LogLevel.Warning, Message = "A resweep after a block revoked {Count} sessions created while the block was being written")]
    private static partial void LogResweepCaught(ILogger logger, int count);

    /// <summary>A SET whose effect ran (or finally failed), to be marked with the others of its round.</summary>
    private sealed record AppliedSet(ReceivedSetEntity Set, string Status, SetEffectResult Result, string? Error);
}
