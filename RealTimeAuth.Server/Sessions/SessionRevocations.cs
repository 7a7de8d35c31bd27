using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using RealTimeAuth.Protocol.Live;
using RealTimeAuth.Server.Data;
using RealTimeAuth.Server.Events;
using RealTimeAuth.Server.Telemetry;

namespace RealTimeAuth.Server.Sessions;

/// <summary>
/// Revokes sessions with their subtrees: named sessions, or every session of a user. Each revocation is one
/// <c>session.revoked</c> entry written with the rows, revoked ahead on this replica (ADR 0012), announced to the others
/// and applied here before the call returns.
/// </summary>
public sealed partial class SessionRevocations(
    RtaDbContext db,
    SessionCache cache,
    EventLogWriter events,
    SessionChangePublisher publisher,
    RtaServerTelemetry telemetry,
    TimeProvider timeProvider,
    ILogger<SessionRevocations> logger)
{
    private const string Active = nameof(SessionStatus.Active);
    private const string Revoked = nameof(SessionStatus.Revoked);

    /// <summary>Revokes a session and its whole subtree.</summary>
    public Task<RevocationResult> RevokeAsync(Guid sessionId, string reason, string? detail, string actor, CancellationToken cancellationToken) =>
        RevokeManyAsync([sessionId], reason, detail, actor, cancellationToken);

    /// <summary>Revokes several sessions and their subtrees, as one event.</summary>
    public Task<RevocationResult> RevokeManyAsync(IReadOnlyCollection<Guid> sessionIds, string reason, string? detail, string actor, CancellationToken cancellationToken)
    {
        var ids = sessionIds.ToArray();
        return RevokeWhereAsync(
            now => db.Database.SqlQuery<Guid>($"""
                WITH RECURSIVE tree AS (
                    SELECT id FROM sessions WHERE id = ANY({ids})
                    UNION ALL
                    SELECT child.id FROM sessions child JOIN tree ON child.parent_id = tree.id)
                UPDATE sessions SET status = {Revoked}, revoked_at = {now}, updated_at = {now},
                    revocation_reason = CASE WHEN id = ANY({ids}) THEN {reason} ELSE {RtaRevocationReasons.AncestorRevoked} END,
                    revocation_detail = {detail}
                WHERE id IN (SELECT id FROM tree) AND status = {Active}
                RETURNING id AS "Value"
                """),
            () => cache.ActiveSubtrees(ids),
            ids, reason, detail, actor, cancellationToken);
    }

    /// <summary>Revokes every session of one user at one issuer.</summary>
    /// <remarks>The status is a literal so the planner can use the partial index of live sessions by user.</remarks>
    public Task<RevocationResult> RevokeUserAsync(string issuer, string subject, string reason, string? detail, string actor, CancellationToken cancellationToken) =>
        RevokeWhereAsync(
            now => db.Database.SqlQuery<Guid>($"""
                UPDATE sessions SET status = {Revoked}, revoked_at = {now}, updated_at = {now},
                    revocation_reason = {reason}, revocation_detail = {detail}
                WHERE issuer = {issuer} AND subject = {subject} AND status = 'Active'
                RETURNING id AS "Value"
                """),
            () => cache.ActiveOf(issuer, subject),
            null, reason, detail, actor, cancellationToken);

    /// <summary>
    /// Writes a revocation. The sessions this replica holds are revoked in its cache, and so on their streams, as
    /// soon as the entry's sequence is drawn, before the rows are written: for a user with a thousand agents the
    /// <c>UPDATE</c> is the slowest step, and revoking early fails closed. The <c>UPDATE</c> is sent only after the
    /// pushes are queued, so PostgreSQL does not compete with them for the cores. If the write fails the sessions are
    /// reinstated from their rows (ADR 0012).
    /// </summary>
    private async Task<RevocationResult> RevokeWhereAsync(
        Func<DateTimeOffset, IQueryable<Guid>> revoke,
        Func<IEnumerable<SessionState>> held,
        IReadOnlyList<Guid>? named,
        string reason,
        string? detail,
        string actor,
        CancellationToken cancellationToken)
    {
        using var activity = RtaServerTelemetry.Source.StartActivity("rta.revoke");
        activity?.SetTag("rta.revocation.reason", reason);
        var ahead = new List<SessionState>();
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await events.LockAsync(db, cancellationToken);
            var sequence = await events.ReserveSequenceAsync(db, cancellationToken);
            var now = TruncateToMicroseconds(timeProvider.GetUtcNow());
            ahead.AddRange(RevokeAhead(held(), named, reason, detail, sequence, now));
            var revoked = await revoke(now).ToListAsync(cancellationToken);
            if (revoked.Count == 0)
            {
                await transaction.RollbackAsync(cancellationToken);
                await ReinstateAsync(ahead);
                return RevocationResult.None;
            }

            var entry = events.Append(db, RtaEventTypes.SessionsRevoked, new SessionEventPayload(revoked, reason, detail, now, named), actor, sequence);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            telemetry.Revocations.Add(revoked.Count);
            activity?.SetTag("rta.revocation.sessions", revoked.Count);
            await publisher.PublishAsync(db, [entry], cancellationToken);
            return new RevocationResult(revoked, sequence);
        }
        catch (Exception) when (ahead.Count > 0)
        {
            await ReinstateAsync(ahead);
            throw;
        }
    }

    private List<SessionState> RevokeAhead(
        IEnumerable<SessionState> held, IReadOnlyList<Guid>? named, string reason, string? detail, long sequence, DateTimeOffset now)
    {
        var revoked = new List<SessionState>();
        foreach (var session in held)
        {
            var state = session.AsRevoked(SubtreeRevocation.ReasonFor(session.Id, named, reason), detail, now, sequence);
            cache.Apply(new SessionChange(SessionChangeKind.Revoked, state, sequence, now, reason, detail));
            revoked.Add(state);
        }

        return revoked;
    }

    /// <summary>
    /// Puts back the sessions revoked ahead of a write that did not happen (or found them already revoked) as
    /// their rows say. If the rows cannot be read they stay revoked here, failing closed, until the replica restarts.
    /// </summary>
    private async Task ReinstateAsync(List<SessionState> ahead)
    {
        if (ahead.Count == 0)
        {
            return;
        }

        try
        {
            var ids = ahead.Select(state => state.Id).ToList();
            var rows = await db.Sessions.AsNoTracking().Where(row => ids.Contains(row.Id)).ToDictionaryAsync(row => row.Id, CancellationToken.None);
            foreach (var state in ahead)
            {
                if (rows.TryGetValue(state.Id, out var row))
                {
                    cache.Reinstate(state, row.ToState());
                }
            }
        }
        catch (Exception exception) when (exception is DbException or InvalidOperationException or TimeoutException)
        {
            LogReinstateFailed(logger, ahead.Count, exception.GetType().Name);
        }
    }

    // PostgreSQL keeps microseconds: the time in the entry must equal the one in the rows.
    private static DateTimeOffset TruncateToMicroseconds(DateTimeOffset time) => time.AddTicks(-(time.Ticks % 10));

    [LoggerMessage(EventId = 1010, Level = LogLevel.Warning,
        Message = "A revocation was not written and {Count} sessions revoked ahead of it could not be reinstated ({Error}); they stay revoked on this replica")]
    private static partial void LogReinstateFailed(ILogger logger, int count, string error);
}
