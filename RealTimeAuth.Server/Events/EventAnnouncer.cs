using StackExchange.Redis;

namespace RealTimeAuth.Server.Events;

/// <summary>
/// Tells the other replicas through Redis that the log has grown. An announcement is only a
/// hint to read the log now: a lost one delays a replica by at most one poll interval.
/// </summary>
public sealed partial class EventAnnouncer(IConnectionMultiplexer redis, ILogger<EventAnnouncer> logger)
{
    public static readonly RedisChannel Channel = RedisChannel.Literal("rta:events:v1");

    public async Task AnnounceAsync(long sequence)
    {
        try
        {
            // Fire and forget: an announcement is a hint, and waiting on a Redis that is down would
            // hold every state change for the client's timeout while the log poll delivers anyway.
            await redis.GetSubscriber().PublishAsync(Channel, sequence, CommandFlags.FireAndForget);
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            LogAnnounceFailed(logger, sequence, exception.GetType().Name);
        }
    }

    [LoggerMessage(EventId = 2100, Level = LogLevel.Warning,
        Message = "Could not announce event {Sequence} on Redis ({Error}); other replicas will find it by polling the log")]
    private static partial void LogAnnounceFailed(ILogger logger, long sequence, string error);
}
