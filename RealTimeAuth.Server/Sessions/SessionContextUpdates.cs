using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using RealTimeAuth.Protocol.Contexts;
using RealTimeAuth.Protocol.Live;
using RealTimeAuth.Server.Data;
using RealTimeAuth.Server.Events;

namespace RealTimeAuth.Server.Sessions;

/// <summary>
/// Changes the security context of live sessions (a user's risk, a policy's permissions) in one transaction and one
/// <c>session.context_changed</c> entry; sessions whose ContextHash changes get fresh tokens on their streams.
/// </summary>
public sealed class SessionContextUpdates(
    RtaDbContext db,
    SessionCache cache,
    EventLogWriter events,
    SessionChangePublisher publisher,
    SessionRevocations revocations,
    TimeProvider timeProvider,
    ISessionPermissionPolicy permissions)
{
    private const string Active = nameof(SessionStatus.Active);

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
            await revocations.RevokeManyAsync(emptied, RtaRevocationReasons.PolicyRevoked, $"no permission left after {reason}", actor, cancellationToken);
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
        Expression<Func<SessionEntity, bool>> filter,
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
        await publisher.PublishAsync(db, [entry], cancellationToken);
        return changed;
    }
}
