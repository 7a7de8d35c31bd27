using RealTimeAuth.Server.Events;
using StackExchange.Redis;

namespace RealTimeAuth.Server.Live;

/// <summary>
/// One key holds one live stream across the replicas: a replica that opens a bound stream closes the session's other
/// streams it holds, and tells the others on <see cref="Channel"/> (replica, session, new stream), each of which closes
/// its own streams of that session as <c>superseded</c>. The publishing replica ignores its own message. A lost message
/// leaves an older stream open until it ends; it never lets a stream open without a proof.
/// </summary>
internal sealed partial class StreamSupersession(
    StreamHub hub, IConnectionMultiplexer redis, ReplicaIdentity identity, ILogger<StreamSupersession> logger) : IHostedService
{
    public static readonly RedisChannel Channel = RedisChannel.Literal("rta:streams:opened");

    /// <summary>Closes the session's other streams here and asks the other replicas to close theirs.</summary>
    public async Task OpenedAsync(LiveConnection opened)
    {
        hub.Supersede(opened.SessionId, opened.Id);
        try
        {
            var message = string.Join('|', identity.Name, opened.SessionId.ToString("N"), opened.Id.ToString("N"));
            await redis.GetSubscriber().PublishAsync(Channel, message, CommandFlags.FireAndForget);
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            LogPublishFailed(logger, opened.SessionId, exception.GetType().Name);
        }
    }

    /// <summary>
    /// Subscribes without holding up the server's start: with Redis down, waiting here would delay every endpoint,
    /// health included, by the Redis timeout. The multiplexer subscribes again by itself when it reconnects.
    /// </summary>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = SubscribeAsync();
        return Task.CompletedTask;
    }

    private async Task SubscribeAsync()
    {
        try
        {
            await redis.GetSubscriber().SubscribeAsync(Channel, (_, message) => OnOpenedElsewhere(message));
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            LogSubscribeFailed(logger, exception.GetType().Name);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await redis.GetSubscriber().UnsubscribeAsync(Channel);
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            // Going away anyway.
        }
    }

    private void OnOpenedElsewhere(RedisValue message)
    {
        var parts = ((string?)message ?? string.Empty).Split('|');
        if (parts.Length != 3
            || parts[0] == identity.Name
            || !Guid.TryParseExact(parts[1], "N", out var sessionId)
            || !Guid.TryParseExact(parts[2], "N", out var streamId))
        {
            return;
        }

        var dropped = hub.Supersede(sessionId, streamId);
        if (dropped > 0)
        {
            LogSupersededElsewhere(logger, dropped, sessionId);
        }
    }

    [LoggerMessage(EventId = 7002, Level = LogLevel.Warning,
        Message = "Could not tell the other replicas that session {SessionId} opened a stream ({Error}); their older streams stay open")]
    private static partial void LogPublishFailed(ILogger logger, Guid sessionId, string error);

    [LoggerMessage(EventId = 7003, Level = LogLevel.Warning,
        Message = "Could not listen for streams opened on other replicas ({Error}); a reconnect there will not close streams here")]
    private static partial void LogSubscribeFailed(ILogger logger, string error);

    [LoggerMessage(EventId = 7004, Level = LogLevel.Information,
        Message = "Closed {Count} stream(s) of session {SessionId}: a newer stream opened on another replica")]
    private static partial void LogSupersededElsewhere(ILogger logger, int count, Guid sessionId);
}
