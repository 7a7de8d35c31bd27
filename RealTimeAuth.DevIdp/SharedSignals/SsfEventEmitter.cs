using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RealTimeAuth.DevIdp.Data;
using RealTimeAuth.Protocol.SharedSignals;

namespace RealTimeAuth.DevIdp.SharedSignals;

/// <summary>
/// Queues one event on every stream that takes it: a SET signed per stream (its own <c>aud</c>), written to the outbox
/// in the IdP's database, then the push worker and long polls are woken. Disabled streams get nothing; paused streams
/// keep their SETs until enabled; a subject removed from a stream is skipped on it.
/// </summary>
internal sealed partial class SsfEventEmitter(
    DevIdpDbContext db,
    SetWriter writer,
    SsfDeliverySignal signal,
    IOptions<SsfTransmitterOptions> options,
    TimeProvider timeProvider,
    ILogger<SsfEventEmitter> logger)
{
    public async Task<List<QueuedSet>> EmitAsync(string eventType, JsonObject subject, JsonObject payload, CancellationToken cancellationToken, string? onlyStreamId = null)
    {
        var streams = await db.SsfStreams.Where(stream => stream.Status != SsfStatuses.Disabled && (onlyStreamId == null || stream.Id == onlyStreamId))
            .ToListAsync(cancellationToken);
        var key = SsfSubjectKey.Of(subject);
        var removed = await db.SsfSubjects.Where(row => row.Removed && row.SubjectKey == key).Select(row => row.StreamId).ToListAsync(cancellationToken);
        var now = timeProvider.GetUtcNow();
        var queued = new List<QueuedSet>();
        foreach (var stream in streams)
        {
            var requested = JsonSerializer.Deserialize<string[]>(stream.EventsRequested) ?? [];
            if (!SsfEventCatalog.Delivered(requested).Contains(eventType) || (eventType != SsfEventTypes.Verification && removed.Contains(stream.Id)))
            {
                continue;
            }

            var (jti, compact) = writer.Write(stream.Issuer, JsonValue.Create(stream.Audience), eventType, subject, payload);
            db.SsfOutbox.Add(new SsfOutboxRecord
            {
                StreamId = stream.Id,
                Jti = jti,
                EventType = eventType,
                Set = compact,
                Status = SsfStatuses.Pending,
                CreatedAt = now,
                NextAttemptAt = now.ToUnixTimeMilliseconds(),
            });
            queued.Add(new QueuedSet(stream.Id, jti));
            LogQueued(logger, eventType, stream.Id, jti);
        }

        await db.SaveChangesAsync(cancellationToken);
        foreach (var streamId in queued.Select(set => set.StreamId).Distinct())
        {
            await TrimAsync(streamId, cancellationToken);
        }

        signal.Notify();
        return queued;
    }

    // A bounded queue: a receiver that never takes its SETs cannot grow the database without limit.
    private async Task TrimAsync(string streamId, CancellationToken cancellationToken)
    {
        var max = options.Value.MaxQueuedPerStream;
        var pending = db.SsfOutbox.Where(row => row.StreamId == streamId && row.Status == SsfStatuses.Pending);
        var excess = await pending.CountAsync(cancellationToken) - max;
        if (excess > 0)
        {
            var oldest = await pending.OrderBy(row => row.Id).Take(excess).Select(row => row.Id).ToListAsync(cancellationToken);
            await db.SsfOutbox.Where(row => oldest.Contains(row.Id)).ExecuteDeleteAsync(cancellationToken);
            LogDropped(logger, excess, streamId);
        }
    }

    [LoggerMessage(EventId = 2000, Level = LogLevel.Information, Message = "Queued SET {Jti} ({EventType}) on stream {StreamId}")]
    private static partial void LogQueued(ILogger logger, string eventType, string streamId, string jti);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Warning, Message = "Dropped the {Count} oldest undelivered SETs of stream {StreamId}: its queue is full")]
    private static partial void LogDropped(ILogger logger, int count, string streamId);
}
