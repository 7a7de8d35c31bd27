using RealTimeAuth.Server.Data;

namespace RealTimeAuth.Server.Events;

/// <summary>
/// A feature's reaction to event-log entries that are not about sessions (a published policy, an imported
/// directory). The <see cref="ReplicaSynchronizer"/> calls every registered observer for the entry types it
/// names, in sequence order, and once after each snapshot load so it can load its own state as of that point.
/// </summary>
public interface IEventLogObserver
{
    /// <summary>The entry types this observer applies.</summary>
    IReadOnlyCollection<string> EventTypes { get; }

    /// <summary>Loads the observer's state from the database; called after the synchronizer loads its snapshot.</summary>
    Task LoadAsync(CancellationToken cancellationToken);

    /// <summary>Applies one entry of a type in <see cref="EventTypes"/>. An exception stops this pass; the entry is retried.</summary>
    Task ApplyAsync(EventLogRecord entry, CancellationToken cancellationToken);
}
