using System.Data.Common;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RealTimeAuth.Protocol.Contexts;
using RealTimeAuth.Protocol.Live;
using RealTimeAuth.Server.Data;
using RealTimeAuth.Server.Events;
using RealTimeAuth.Server.Sessions.Tokens;
using RealTimeAuth.Server.Telemetry;

namespace RealTimeAuth.Server.Sessions;

/// <summary>
/// Creates, refreshes and revokes sessions. Every change is written with its event log entry in
/// one transaction, announced to the other replicas, and applied here before the call returns,
/// so the caller's next request on this replica already sees it.
/// </summary>
public sealed partial class SessionService(
    RtaDbContext db,
    SessionCache cache,
    EventLogWriter events,
    EventAnnouncer announcer,
    IReplicaCurrency replica,
    SessionTokenIssuer tokens,
    RtaServerTelemetry telemetry,
    TimeProvider timeProvider,
    IOptions<DelegationOptions> options,
    ISessionPermissionPolicy permissions,
    ILogger<SessionService> logger)
{
    private const string Active = nameof(SessionStatus.Active);
    private const string Revoked = nameof(SessionStatus.Revoked);

    public async Task<SessionCreationResult> CreateAsync(NewSessionRequest request, string actor, CancellationToken cancellationToken)
    {
        if (!replica.IsCurrent)
        {
            return SessionCreationResult.Fail(SessionCreationError.ReplicaNotCurrent);
        }

        SessionState? parent = null;
        if (request.ParentId is { } parentId)
        {
            parent = cache.Find(parentId);
            if (parent is not { IsActive: true })
            {
                return SessionCreationResult.Fail(SessionCreationError.ParentNotActive);
            }

            if (parent.Depth + 1 > options.Value.MaxDelegationDepth)
            {
                return SessionCreationResult.Fail(SessionCreationError.DelegationTooDeep);
            }
        }

        var requested = SessionMapping.NormaliseScopes(request.RequestedScopes);
        if (parent is not null && requested.Any(scope => !parent.Scopes.Contains(scope)))
        {
            return SessionCreationResult.Fail(SessionCreationError.ScopeExceedsParent);
        }

        var scopes = parent is not null && requested.IsEmpty ? parent.Scopes : requested;
        if (scopes.IsEmpty)
        {
            return SessionCreationResult.Fail(SessionCreationError.NoScopes);
        }

        var session = NewState(request, parent, scopes);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await events.LockAsync(db, cancellationToken);
        // The cache may lag a revocation committed a moment ago; under the lock the row is the truth.
        if (parent is not null && !await db.Sessions.AnyAsync(row => row.Id == parent.Id && row.Status == Active, cancellationToken))
        {
            return SessionCreationResult.Fail(SessionCreationError.ParentNotActive);
        }

        db.Sessions.Add(session.ToEntity());
        var entry = events.Append(db, RtaEventTypes.SessionCreated, new SessionEventPayload([session.Id]), actor);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        await PublishAsync(entry.Sequence, cancellationToken);
        return new SessionCreationResult(SessionCreationError.None, session, tokens.Issue(session, session.TokenSequence));
    }

    /// <summary>A fresh token for an active session, with the next sequence; null if it is no longer active.</summary>
    public async Task<IssuedToken?> RefreshTokenAsync(Guid sessionId, CancellationToken cancellationToken)
    {
        var sequences = await db.Database
            .SqlQuery<long>($"UPDATE sessions SET token_sequence = token_sequence + 1 WHERE id = {sessionId} AND status = {Active} RETURNING token_sequence AS \"Value\"")
            .ToListAsync(cancellationToken);
        if (sequences.Count == 0 || cache.Find(sessionId) is not { IsActive: true } session)
        {
            return null;
        }

        var sequence = (uint)sequences[0];
        cache.RecordTokenSequence(sessionId, sequence);
        return tokens.Issue(session, sequence);
    }

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
    /// Applies <paramref name="change"/> to the context of every active session of one user and
    /// records the change; sessions whose context hash changes get fresh tokens on their streams.
    /// With a policy active the sessions' permissions are recomputed with the new context, and sessions
    /// left with none are revoked (<see cref="RtaRevocationReasons.PolicyRevoked"/>).
    /// </summary>
    public async Task<IReadOnlyList<Guid>> UpdateSubjectContextAsync(
        string issuer, string subject, Func<SecurityContext, SecurityContext> change, string reason, string actor, CancellationToken cancellationToken)
    {
        var emptied = new List<Guid>();
        var changed = await UpdateContextsWhereAsync(
            row => row.Issuer == issuer && row.Subject == subject && row.Status == Active,
            (id, context) =>
            {
                var updated = change(context);
                if (cache.Find(id) is not { } state || permissions.Grant(state, updated) is not { } grant)
                {
                    return updated;
                }

                if (grant.IsEmpty)
                {
                    emptied.Add(id);
                }

                return grant.Context;
            },
            reason, actor, cancellationToken);
        if (emptied.Count > 0)
        {
            await RevokeManyAsync(emptied, RtaRevocationReasons.PolicyRevoked, $"no permission left after {reason}", actor, cancellationToken);
        }

        return changed;
    }

    /// <summary>
    /// Applies <paramref name="change"/> (given the session id and its current context) to the context of each
    /// active session named, in one transaction and one <c>session.context_changed</c> entry; returns the sessions
    /// whose context hash changed, which get fresh tokens on their streams.
    /// </summary>
    public Task<IReadOnlyList<Guid>> UpdateContextsAsync(
        IReadOnlyCollection<Guid> sessionIds, Func<Guid, SecurityContext, SecurityContext> change, string reason, string actor, CancellationToken cancellationToken)
    {
        var ids = sessionIds.ToList();
        return UpdateContextsWhereAsync(row => ids.Contains(row.Id) && row.Status == Active, change, reason, actor, cancellationToken);
    }

    private async Task<IReadOnlyList<Guid>> UpdateContextsWhereAsync(
        System.Linq.Expressions.Expression<Func<SessionEntity, bool>> filter,
        Func<Guid, SecurityContext, SecurityContext> change,
        string reason,
        string actor,
        CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await events.LockAsync(db, cancellationToken);
        var rows = await db.Sessions.Where(filter).ToListAsync(cancellationToken);
        var changed = new List<Guid>();
        var now = timeProvider.GetUtcNow();
        foreach (var row in rows)
        {
            var context = change(row.Id, SecurityContextJson.Deserialize(row.Context));
            var hash = context.ComputeHash().ToArray();
            if (hash.AsSpan().SequenceEqual(row.ContextHash))
            {
                continue;
            }

            row.Context = SecurityContextJson.Serialize(context);
            row.ContextHash = hash;
            row.UpdatedAt = now;
            changed.Add(row.Id);
        }

        if (changed.Count == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            return [];
        }

        var entry = events.Append(db, RtaEventTypes.SessionContextChanged, new SessionEventPayload(changed, reason), actor);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await PublishAsync(entry.Sequence, cancellationToken);
        return changed;
    }

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

            events.Append(db, RtaEventTypes.SessionsRevoked, new SessionEventPayload(revoked, reason, detail, now, named), actor, sequence);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            telemetry.Revocations.Add(revoked.Count);
            activity?.SetTag("rta.revocation.sessions", revoked.Count);
            await PublishAsync(sequence, cancellationToken);
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
            var state = session.AsRevoked(SubtreeRevocation.ReasonFor(session.Id, named, reason), detail, now);
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

    private async Task PublishAsync(long sequence, CancellationToken cancellationToken)
    {
        await announcer.AnnounceAsync(sequence);
        await replica.WaitForAppliedAsync(sequence, cancellationToken);
    }

    private SessionState NewState(NewSessionRequest request, SessionState? parent, System.Collections.Immutable.ImmutableArray<string> scopes)
    {
        var id = new Guid(RandomNumberGenerator.GetBytes(16), bigEndian: true);
        var context = parent is null
            ? SessionContextBuilder.ForRoot(request.UserContext, request.Agent)
            : SessionContextBuilder.ForChild(parent, request.Agent);
        var now = timeProvider.GetUtcNow();
        var session = new SessionState
        {
            Id = id,
            ParentId = parent?.Id,
            RootId = parent?.RootId ?? id,
            Depth = parent is null ? 0 : parent.Depth + 1,
            Issuer = parent?.Issuer ?? request.Issuer,
            Subject = parent?.Subject ?? request.Subject,
            ClientId = request.ClientId,
            IdpSessionId = parent?.IdpSessionId ?? request.IdpSessionId,
            Agent = request.Agent,
            Scopes = scopes,
            Context = context,
            ContextHash = context.ComputeHash(),
            TokenSequence = 1,
            Status = SessionStatus.Active,
            CreatedAt = now,
            UpdatedAt = now,
        };
        return permissions.Grant(session, context) is { } grant
            ? session with { Context = grant.Context, ContextHash = grant.Context.ComputeHash() }
            : session;
    }

    [LoggerMessage(EventId = 1010, Level = LogLevel.Warning,
        Message = "A revocation was not written and {Count} sessions revoked ahead of it could not be reinstated ({Error}); they stay revoked on this replica")]
    private static partial void LogReinstateFailed(ILogger logger, int count, string error);
}
