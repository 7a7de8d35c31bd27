using RealTimeAuth.Server.Telemetry;
using StackExchange.Redis;

namespace RealTimeAuth.Server.Events;

/// <summary>
/// Receives announcements from Redis. An authenticated one hands its committed entries to <see cref="AnnouncedEntries"/>
/// and wakes the synchronizer; a sequence-only one (too large to carry its entries, or from an older replica) asks for a
/// read of the log; anything else is dropped and counted, never applied. With Redis down at start this must not stop the
/// replica (the log poll keeps it current), so a failed subscription is logged and tried again when the connection comes
/// back; the multiplexer renews one that succeeded by itself. A reconnect also reads the log, for announcements lost
/// while Redis was away.
/// </summary>
public sealed partial class AnnouncementListener(
    IConnectionMultiplexer redis,
    AnnouncementKey key,
    AnnouncedEntries announced,
    RtaServerTelemetry telemetry,
    ILogger<AnnouncementListener> logger)
{
    private int _subscribed;
    private long _rejected;

    /// <summary>Starts listening; <paramref name="readLog"/> asks for a read of the log (a hint, a reconnect).</summary>
    public async Task SubscribeAsync(Action readLog)
    {
        redis.ConnectionRestored += (_, _) =>
        {
            readLog();
            if (Volatile.Read(ref _subscribed) == 0)
            {
                _ = TrySubscribeAsync(readLog);
            }
        };
        await TrySubscribeAsync(readLog);
    }

    private async Task TrySubscribeAsync(Action readLog)
    {
        try
        {
            await redis.GetSubscriber().SubscribeAsync(EventAnnouncer.Channel, (_, message) => Receive(message, readLog));
            Volatile.Write(ref _subscribed, 1);
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            LogSubscribeFailed(logger, exception.GetType().Name);
        }
    }

    private void Receive(RedisValue message, Action readLog)
    {
        if (message.TryParse(out long _))
        {
            readLog();
            return;
        }

        var entries = AnnouncementCodec.Decode((byte[]?)message ?? [], key, out var rejection);
        if (entries is null)
        {
            telemetry.AnnouncementsRejected.Add(1, new KeyValuePair<string, object?>("reason", rejection));
            // Whoever can publish on Redis can send these at will: count each, log only now and then.
            var rejected = Interlocked.Increment(ref _rejected);
            if (rejected == 1 || rejected % 1000 == 0)
            {
                LogRejected(logger, rejection!, rejected);
            }

            return;
        }

        announced.Offer(entries);
    }

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning,
        Message = "Could not listen for event announcements on Redis ({Error}); polling the log until Redis is back")]
    private static partial void LogSubscribeFailed(ILogger logger, string error);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Warning,
        Message = "Dropped an event announcement from Redis ({Reason}); {Total} dropped since start. Nothing in it was applied")]
    private static partial void LogRejected(ILogger logger, string reason, long total);
}
