using RealTimeAuth.Server.Data;
using RealTimeAuth.Server.Events;

namespace RealTimeAuth.Server.Sessions;

/// <summary>
/// Tells the other replicas a session entry was written, then waits until this replica has applied it, so the caller's
/// next request here already sees the change.
/// </summary>
public sealed class SessionChangePublisher(EventAnnouncer announcer, IReplicaCurrency replica)
{
    /// <summary>Announces <paramref name="entries"/>, committed by <paramref name="db"/>, and waits until they are applied here.</summary>
    public async Task PublishAsync(RtaDbContext db, IReadOnlyList<EventLogRecord> entries, CancellationToken cancellationToken)
    {
        await announcer.AnnounceAsync(db, entries);
        await replica.WaitForAppliedAsync(entries[^1].Sequence, cancellationToken);
    }
}
