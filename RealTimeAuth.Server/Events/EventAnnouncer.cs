using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RealTimeAuth.Server.Data;
using StackExchange.Redis;

namespace RealTimeAuth.Server.Events;

/// <summary>
/// Tells the replicas that the log has grown, with the committed entries themselves, so each applies them without reading
/// the log (ADR 0025): this replica at once, the others through Redis, signed with the cluster's announcement key. An
/// announcement longer than <see cref="ReplicaOptions.MaxAnnouncementBytes"/> carries only the sequence, a hint to read the
/// log. Either way a lost one delays a replica by at most one poll interval.
/// </summary>
public sealed partial class EventAnnouncer(
    IConnectionMultiplexer redis,
    AnnouncementKey key,
    AnnouncedEntries announced,
    IOptions<ReplicaOptions> options,
    ILogger<EventAnnouncer> logger)
{
    public static readonly RedisChannel Channel = RedisChannel.Literal("rta:events:v1");

    /// <summary>
    /// Announces <paramref name="entries"/>, which <paramref name="db"/> has saved and committed: a replica may act on an
    /// announced entry at once, so one still inside a transaction, which could roll back, is refused.
    /// </summary>
    public async Task AnnounceAsync(RtaDbContext db, params IReadOnlyList<EventLogRecord> entries)
    {
        EnsureCommitted(db, entries);
        var copies = entries.Select(Copy).ToArray();
        announced.Offer(copies);
        var message = AnnouncementCodec.Encode(copies, key, options.Value.MaxAnnouncementBytes);
        try
        {
            // Fire and forget: an announcement is a hint, and waiting on a Redis that is down would
            // hold every state change for the client's timeout while the log poll delivers anyway.
            await redis.GetSubscriber().PublishAsync(Channel, message ?? (RedisValue)copies[^1].Sequence, CommandFlags.FireAndForget);
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            LogAnnounceFailed(logger, copies[^1].Sequence, exception.GetType().Name);
        }
    }

    private static void EnsureCommitted(RtaDbContext db, IReadOnlyList<EventLogRecord> entries)
    {
        if (entries.Count == 0)
        {
            throw new ArgumentException("Nothing to announce.", nameof(entries));
        }

        if (db.Database.CurrentTransaction is not null || entries.Any(entry => entry.Sequence <= 0 || db.Entry(entry).State != EntityState.Unchanged))
        {
            throw new InvalidOperationException("Event log entries are announced only after their transaction commits.");
        }
    }

    // The writer's context still tracks its entries; the replica's observers get their own.
    private static EventLogRecord Copy(EventLogRecord entry) => new()
    {
        Sequence = entry.Sequence,
        Type = entry.Type,
        OccurredAt = entry.OccurredAt,
        Payload = entry.Payload,
        Actor = entry.Actor,
        TraceParent = entry.TraceParent,
        Origin = entry.Origin,
    };

    [LoggerMessage(EventId = 2100, Level = LogLevel.Warning,
        Message = "Could not announce event {Sequence} on Redis ({Error}); other replicas will find it by polling the log")]
    private static partial void LogAnnounceFailed(ILogger logger, long sequence, string error);
}
