using RealTimeAuth.Server.Data;
using RealTimeAuth.Server.Events;

namespace RealTimeAuth.Server.Keys;

/// <summary>Reloads this replica's key ring at the snapshot and whenever a batch holds a <c>keys.changed</c> entry.</summary>
internal sealed class SigningKeyLogObserver(SigningKeyStore keys) : IEventLogObserver
{
    public IReadOnlyCollection<string> EventTypes { get; } = [RtaEventTypes.SigningKeysChanged];

    public Task LoadAsync(RtaDbContext db, DateTimeOffset startedAt, CancellationToken cancellationToken) => keys.ReloadAsync(cancellationToken);

    // The ring is reloaded whole, so one reload answers every entry of the batch.
    public Task ApplyAsync(RtaDbContext db, IReadOnlyList<EventLogRecord> entries, CancellationToken cancellationToken) =>
        keys.ReloadAsync(cancellationToken);
}
