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

    /// <summary>
    /// Draws the sequence of an entry to be appended later in the same transaction (<see cref="Append"/>), for a
    /// change announced before it is written. Call under <see cref="LockAsync"/>, so entries still commit in order;
    /// a transaction that rolls back leaves a gap, as any failed append does.
    /// </summary>
    public async Task<long> ReserveSequenceAsync(RtaDbContext db, CancellationToken cancellationToken)
    {
        var drawn = await db.Database
            .SqlQuery<long>($"SELECT nextval(pg_get_serial_sequence('event_log', 'sequence')) AS \"Value\"")
            .ToListAsync(cancellationToken);
        return drawn[0];
    }

    /// <summary>
    /// Adds an entry to be saved with the change; its sequence is <paramref name="reserved"/>, or known after
    /// <c>SaveChanges</c>.
    /// </summary>
    public EventLogRecord Append(RtaDbContext db, string type, object payload, string? actor, long reserved = 0)
    {
        var entry = new EventLogRecord
        {
            Sequence = reserved,
            Type = type,
            OccurredAt = ToMicroseconds(timeProvider.GetUtcNow()),
            Payload = JsonSerializer.Serialize(payload, payload.GetType()),
            Actor = actor,
            TraceParent = Activity.Current?.Id,
            Origin = replica.Name,
        };
        db.EventLog.Add(entry);
        return entry;
    }

    // PostgreSQL keeps microseconds: an entry announced from memory must equal the one read back from the log.
    private static DateTimeOffset ToMicroseconds(DateTimeOffset time) => time.AddTicks(-(time.Ticks % 10));
}
