using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RealTimeAuth.Server.Data;

namespace RealTimeAuth.Server.Authorization.Audit;

/// <summary>
/// Deletes audited decisions older than <see cref="DecisionAuditOptions.Retention"/>, every
/// <see cref="DecisionAuditOptions.RetentionSweepInterval"/>, in batches so no statement holds many row locks or runs
/// long next to the writer's COPY. One replica sweeps at a time: the one that takes the advisory lease.
/// </summary>
internal sealed partial class DecisionAuditRetention(
    IServiceScopeFactory scopeFactory,
    DatabaseMigrationState migrations,
    IOptions<DecisionAuditOptions> options,
    TimeProvider timeProvider,
    ILogger<DecisionAuditRetention> logger) : BackgroundService
{
    private const int BatchSize = 10_000;
    private const long LeaseKey = 0x5254_4141_5544_5254; // "RTAAUDRT"

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await migrations.Completion.WaitAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            // First sweep one interval after start: start-up is busy enough, and old rows can wait an hour.
            await Task.Delay(options.Value.RetentionSweepInterval, timeProvider, stoppingToken);
            try
            {
                await SweepIfLeaderAsync(stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                LogSweepFailed(logger, exception.GetType().Name, exception.Message);
            }
        }
    }

    private Task SweepIfLeaderAsync(CancellationToken cancellationToken) =>
        AdvisoryLease.RunIfTakenAsync(scopeFactory, LeaseKey, lease => SweepAsync(lease, cancellationToken), cancellationToken);

    /// <summary>Deletes every row older than the retention; returns how many.</summary>
    internal async Task<long> SweepAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        return await SweepAsync(scope.ServiceProvider.GetRequiredService<RtaDbContext>(), cancellationToken);
    }

    private async Task<long> SweepAsync(RtaDbContext db, CancellationToken cancellationToken)
    {
        var cutoff = timeProvider.GetUtcNow() - options.Value.Retention;
        long deleted = 0;
        while (true)
        {
            var batch = await db.Database.ExecuteSqlAsync($"""
                DELETE FROM decision_audit WHERE id IN (
                    SELECT id FROM decision_audit WHERE time < {cutoff} ORDER BY id LIMIT {BatchSize})
                """, cancellationToken);
            deleted += batch;
            if (batch < BatchSize)
            {
                break;
            }
        }

        if (deleted > 0)
        {
            LogSwept(logger, deleted, cutoff);
        }

        return deleted;
    }

    [LoggerMessage(EventId = 4202, Level = LogLevel.Information, Message = "Deleted {Count} audited decisions older than {Cutoff:O} (DecisionAudit:Retention)")]
    private static partial void LogSwept(ILogger logger, long count, DateTimeOffset cutoff);

    [LoggerMessage(EventId = 4203, Level = LogLevel.Warning, Message = "The decision audit retention sweep failed ({Error}: {Reason}); it runs again at the next interval")]
    private static partial void LogSweepFailed(ILogger logger, string error, string reason);
}
