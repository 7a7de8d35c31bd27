using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RealTimeAuth.Protocol.Live;
using RealTimeAuth.Server.Data;

namespace RealTimeAuth.Server.Sessions.Lifetimes;

/// <summary>
/// Every <see cref="SessionLifetimeOptions.ExpirySweepInterval"/>, the replica that takes the lease revokes the live
/// sessions past their absolute or idle expiry with <see cref="RtaRevocationReasons.SessionExpired"/>, through the
/// ordinary revocation path: one event per batch, pushed to the streams, subtrees swept. A revocation only changes
/// active rows and writes no event when it changed none, so a sweep that overlaps another, or repeats, adds nothing.
/// Idle expiry is read one <see cref="SessionLifetimeOptions.ActivityFlushInterval"/> late: activity reaches the
/// database only at each replica's next flush, so a decision made just before the stored idle expiry is written up to
/// one interval after it, and sweeping on time would revoke an agent that never stopped working.
/// </summary>
internal sealed partial class SessionExpirySweeper(
    IServiceScopeFactory scopeFactory,
    DatabaseMigrationState migrations,
    IOptions<SessionLifetimeOptions> options,
    TimeProvider timeProvider,
    ILogger<SessionExpirySweeper> logger) : BackgroundService
{
    /// <summary>Who the event log names as the revoker.</summary>
    public const string Actor = "system:session-lifetime";

    private const int BatchSize = 500;
    private const long LeaseKey = 0x5254_4153_4553_4558; // "RTASESEX"

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await migrations.Completion.WaitAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(options.Value.ExpirySweepInterval, timeProvider, stoppingToken);
            try
            {
                await AdvisoryLease.RunIfTakenAsync(scopeFactory, LeaseKey, _ => SweepAsync(stoppingToken), stoppingToken);
            }
            catch (Exception exception) when (!stoppingToken.IsCancellationRequested)
            {
                LogSweepFailed(logger, exception.GetType().Name, exception.Message);
            }
        }
    }

    /// <summary>Revokes every live session past a lifetime now; returns how many were named.</summary>
    internal async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RtaDbContext>();
        var revocations = scope.ServiceProvider.GetRequiredService<SessionRevocations>();
        var now = timeProvider.GetUtcNow();
        var swept = 0;
        foreach (var (kind, query) in Queries(db, now))
        {
            while (true)
            {
                var ids = await query.Take(BatchSize).ToListAsync(cancellationToken);
                if (ids.Count == 0)
                {
                    break;
                }

                var result = await revocations.RevokeManyAsync(ids, RtaRevocationReasons.SessionExpired, kind, Actor, cancellationToken);
                swept += ids.Count;
                LogExpired(logger, ids.Count, result.RevokedSessionIds.Count, kind);
                if (ids.Count < BatchSize)
                {
                    break;
                }
            }
        }

        return swept;
    }

    private IEnumerable<(string Kind, IQueryable<Guid> Ids)> Queries(RtaDbContext db, DateTimeOffset now)
    {
        var idleBefore = now - options.Value.ActivityFlushInterval;
        var active = db.Sessions.AsNoTracking().Where(session => session.Status == "Active");
        yield return (SessionExpiryKinds.Absolute, active.Where(session => session.ExpiresAt <= now).OrderBy(session => session.ExpiresAt).Select(session => session.Id));
        yield return (SessionExpiryKinds.Idle, active.Where(session => session.IdleExpiresAt <= idleBefore).OrderBy(session => session.IdleExpiresAt).Select(session => session.Id));
    }

    [LoggerMessage(EventId = 1061, Level = LogLevel.Information,
        Message = "Revoked {Named} sessions past their {Kind} lifetime ({Total} with their subtrees)")]
    private static partial void LogExpired(ILogger logger, int named, int total, string kind);

    [LoggerMessage(EventId = 1062, Level = LogLevel.Warning,
        Message = "The session expiry sweep failed ({Error}: {Reason}); it runs again at the next interval")]
    private static partial void LogSweepFailed(ILogger logger, string error, string reason);
}
