using RealTimeAuth.Server.Data;
using RealTimeAuth.Server.Events;

namespace RealTimeAuth.Server.Sessions.Tokens;

/// <summary>
/// Records that a session's client holds a newer token, so every replica refuses the older ones after a grace
/// (<c>session.token-retired</c>). The one database write the live channel makes besides issuing tokens, and only when
/// a client acknowledges a refresh, never per decision.
/// </summary>
public sealed class SessionTokenRetirements(
    RtaDbContext db, SessionCache cache, EventLogWriter events, EventAnnouncer announcer, TimeProvider timeProvider)
{
    /// <summary>Retires the tokens of <paramref name="sessionId"/> below <paramref name="before"/> once <paramref name="grace"/> has passed.</summary>
    public async Task<TokenCutoff> RetireBeforeAsync(Guid sessionId, uint before, TimeSpan grace, CancellationToken cancellationToken)
    {
        var cutoff = new TokenCutoff(before, timeProvider.GetUtcNow() + grace);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await events.LockAsync(db, cancellationToken);
        var entry = events.Append(db, RtaEventTypes.SessionTokenRetired, new TokenRetiredPayload(sessionId, before, cutoff.At), "live-channel");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        // Here at once; the others when they read the entry, well within the grace.
        cache.RetireTokens(sessionId, cutoff);
        await announcer.AnnounceAsync(db, entry);
        return cutoff;
    }
}
