using RealTimeAuth.Server.Data;

namespace RealTimeAuth.Server.Sessions;

/// <summary>
/// Says which users may not get a new session. <see cref="SessionInsertBatcher"/> asks it once per batch, inside the
/// batch's transaction and after the append lock, so the answer is linearised with every change that takes the lock: a
/// block committed before the lock is seen here, and one committed after it revokes these sessions with the rest of the
/// user's. Shared Signals implements it (a user a transmitter reported disabled, purged or compromised).
/// </summary>
public interface INewSessionGate
{
    /// <summary>The ids of the sessions in <paramref name="sessions"/> whose user is blocked.</summary>
    Task<IReadOnlySet<Guid>> RefusedAsync(RtaDbContext db, IReadOnlyList<SessionState> sessions, CancellationToken cancellationToken);
}
