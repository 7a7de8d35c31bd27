using System.Diagnostics;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using RealTimeAuth.Server.Data;

namespace RealTimeAuth.Server.Events;

/// <summary>Appends entries to the event log inside the caller's transaction.</summary>
public sealed class EventLogWriter(TimeProvider timeProvider, ReplicaIdentity replica)
{
    // One lock for every append: entries then commit in sequence order, so a replica that has
    // read up to N can never later find a smaller sequence committed behind it.
    private const long AppendLockKey = 0x5254_4145_5645_4E54; // "RTAEVENT"

    /// <summary>Takes the append lock for the rest of the caller's transaction; call before reading state to change.</summary>
    public async Task LockAsync(RtaDbContext db, CancellationToken cancellationToken)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Event log entries are appended inside the state change's transaction.");
        }

        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({AppendLockKey})", cancellationToken);
    }

    /// <summary>Adds an entry to be saved with the change; its sequence is known after <c>SaveChanges</c>.</summary>
    public EventLogRecord Append(RtaDbContext db, string type, object payload, string? actor)
    {
        var entry = new EventLogRecord
        {
            Type = type,
            OccurredAt = timeProvider.GetUtcNow(),
            Payload = JsonSerializer.Serialize(payload, payload.GetType()),
            Actor = actor,
            TraceParent = Activity.Current?.Id,
            Origin = replica.Name,
        };
        db.EventLog.Add(entry);
        return entry;
    }
}
