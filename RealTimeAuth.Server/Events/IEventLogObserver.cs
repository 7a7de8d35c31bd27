using RealTimeAuth.Server.Data;

namespace RealTimeAuth.Server.Events;

/// <summary>
/// A module's reaction to event-log entries (sessions, signing keys, the active policy). The <see cref="ReplicaSynchronizer"/>
/// knows none of them: it calls every registered observer, in registration order, once at each snapshot load and once per
/// batch of new entries with the entries of the types it names, in sequence order.
/// </summary>
public interface IEventLogObserver
{
    /// <summary>The entry types this observer applies.</summary>
    IReadOnlyCollection<string> EventTypes { get; }

    /// <summary>
    /// Loads the observer's state as of the snapshot. <paramref name="db"/> is inside the synchronizer's repeatable-read
    /// transaction, so every observer reads the same point of the log: everything up to the snapshot's last entry.
    /// </summary>
    Task LoadAsync(RtaDbContext db, DateTimeOffset startedAt, CancellationToken cancellationToken);

    /// <summary>
    /// Applies one batch of entries of its types (never empty), in sequence order, with the synchronizer's context for the
    /// pass. An exception stops the pass; the batch is read and applied again.
    /// </summary>
    Task ApplyAsync(RtaDbContext db, IReadOnlyList<EventLogRecord> entries, CancellationToken cancellationToken);
}
