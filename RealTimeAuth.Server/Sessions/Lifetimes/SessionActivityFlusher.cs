using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RealTimeAuth.Server.Data;

namespace RealTimeAuth.Server.Sessions.Lifetimes;

/// <summary>
/// Once per <see cref="SessionLifetimeOptions.ActivityFlushInterval"/>, moves the idle expiry of every session that was
/// active on this replica forward: those that made a decision, those with a stream open here (with room for the next
/// flush), and their ancestors, whose delegates' work keeps them in use. At most two statements per interval, whatever
/// the decision rate (ADR 0018). A last flush runs when the replica stops.
/// </summary>
internal sealed partial class SessionActivityFlusher(
    IServiceScopeFactory scopeFactory,
    DatabaseMigrationState migrations,
    SessionActivity activity,
    SessionCache cache,
    IEnumerable<IOpenStreams> streams,
    IOptions<SessionLifetimeOptions> options,
    TimeProvider timeProvider,
    ILogger<SessionActivityFlusher> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await migrations.Completion.WaitAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            await Task.Delay(options.Value.ActivityFlushInterval, timeProvider, stoppingToken);
            await TryFlushAsync(stoppingToken);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (!migrations.Completion.IsCompletedSuccessfully)
        {
            return;
        }

        try
        {
            await FlushAsync(cancellationToken);
        }
        catch (Exception exception)
        {
            // Best effort: a host already tearing down its services, or a database gone first, must not fail the stop.
            // What is lost is at most one interval of activity, which only lets a session idle out that much sooner.
            LogFlushFailed(logger, exception.GetType().Name, exception.Message);
        }
    }

    /// <summary>Writes the activity seen since the last flush; returns how many rows moved.</summary>
    internal async Task<int> FlushAsync(CancellationToken cancellationToken)
    {
        var decided = activity.Drain();
        try
        {
            var streaming = WithAncestors(streams.SelectMany(source => source.SessionsWithOpenStreams()));
            var active = WithAncestors(decided);
            active.ExceptWith(streaming);
            var now = timeProvider.GetUtcNow();
            // A streaming session must not go idle before the next flush sees its stream again.
            var streamSlack = 2 * options.Value.ActivityFlushInterval;

            await using var scope = scopeFactory.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<RtaDbContext>();
            return await MoveAsync(db, active, now, TimeSpan.Zero, cancellationToken)
                + await MoveAsync(db, streaming, now, streamSlack, cancellationToken);
        }
        catch
        {
            activity.Restore(decided);
            throw;
        }
    }

    private async Task TryFlushAsync(CancellationToken cancellationToken)
    {
        try
        {
            await FlushAsync(cancellationToken);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            LogFlushFailed(logger, exception.GetType().Name, exception.Message);
        }
    }

    // GREATEST: a replica whose clock lags must not move another replica's later expiry back.
    private static async Task<int> MoveAsync(RtaDbContext db, HashSet<Guid> ids, DateTimeOffset now, TimeSpan slack, CancellationToken cancellationToken) =>
        ids.Count == 0
            ? 0
            : await db.Database.ExecuteSqlAsync($"""
                UPDATE sessions SET idle_expires_at = GREATEST(idle_expires_at, {now} + idle_timeout + {slack})
                WHERE id = ANY({ids.ToArray()}) AND status = 'Active'
                """, cancellationToken);

    private HashSet<Guid> WithAncestors(IEnumerable<Guid> sessionIds)
    {
        var all = new HashSet<Guid>();
        foreach (var id in sessionIds)
        {
            Guid? next = id;
            while (next is { } current && all.Add(current))
            {
                next = cache.Find(current)?.ParentId;
            }
        }

        return all;
    }

    [LoggerMessage(EventId = 1060, Level = LogLevel.Warning,
        Message = "Writing session activity failed ({Error}: {Reason}); the sessions are kept for the next flush")]
    private static partial void LogFlushFailed(ILogger logger, string error, string reason);
}
