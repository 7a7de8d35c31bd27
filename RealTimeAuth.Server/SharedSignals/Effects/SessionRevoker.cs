using Microsoft.EntityFrameworkCore;
using RealTimeAuth.Server.Data;
using RealTimeAuth.Server.Sessions;
using RealTimeAuth.Server.SharedSignals.Subjects;

namespace RealTimeAuth.Server.SharedSignals.Effects;

/// <summary>Revokes what an event names: whole users (one event each), or chosen sessions with their subtrees.</summary>
internal sealed class SessionRevoker(SessionRevocations sessions, RtaDbContext db)
{
    public async Task<List<Guid>> RevokeUsersAsync(IEnumerable<SubjectUser> users, string reason, ReceivedEvent received, CancellationToken cancellationToken)
    {
        var revoked = new List<Guid>();
        foreach (var user in users)
        {
            var result = await sessions.RevokeUserAsync(user.Issuer, user.Subject, reason, received.Detail, received.Actor, cancellationToken);
            revoked.AddRange(result.RevokedSessionIds);
        }

        return revoked;
    }

    public async Task<List<Guid>> RevokeSessionsAsync(IReadOnlyCollection<Guid> ids, string reason, ReceivedEvent received, CancellationToken cancellationToken)
    {
        // A session whose parent is also named goes with the parent's subtree (ancestor-revoked): one event names
        // only the topmost sessions.
        var parents = await db.Sessions.AsNoTracking()
            .Where(row => ids.Contains(row.Id))
            .Select(row => new { row.Id, row.ParentId })
            .ToListAsync(cancellationToken);
        var topmost = parents.Where(row => row.ParentId is not { } parent || !ids.Contains(parent)).Select(row => row.Id).ToList();
        if (topmost.Count == 0)
        {
            return [];
        }

        var result = await sessions.RevokeManyAsync(topmost, reason, received.Detail, received.Actor, cancellationToken);
        return [.. result.RevokedSessionIds];
    }
}
