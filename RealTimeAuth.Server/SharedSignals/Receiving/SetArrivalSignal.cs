using StackExchange.Redis;

namespace RealTimeAuth.Server.SharedSignals.Receiving;

/// <summary>
/// Wakes the applier when a SET is stored: at once on this replica, and through Redis on the replica that holds the
/// applier lease. Only a hint: the applier also polls, so a lost message delays a SET and never loses it.
/// </summary>
internal sealed partial class SetArrivalSignal(IConnectionMultiplexer redis, ILogger<SetArrivalSignal> logger) : IDisposable
{
    public static readonly RedisChannel Channel = RedisChannel.Literal("rta:ssf:v1");

    private readonly SemaphoreSlim _arrivals = new(0, int.MaxValue);

    /// <summary>Wakes the local applier and, without waiting for Redis, the others.</summary>
    public async Task NotifyAsync()
    {
        Release();
        try
        {
            await redis.GetSubscriber().PublishAsync(Channel, 1, CommandFlags.FireAndForget);
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            LogPublishFailed(logger, exception.GetType().Name);
        }
    }

    /// <summary>Listens for arrivals on other replicas; without Redis the applier still polls.</summary>
    public async Task SubscribeAsync()
    {
        try
        {
            await redis.GetSubscriber().SubscribeAsync(Channel, (_, _) => Release());
            redis.ConnectionRestored += (_, _) => Release();
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            LogPublishFailed(logger, exception.GetType().Name);
        }
    }

    /// <summary>Waits for an arrival or the timeout; true if one arrived.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _arrivals.WaitAsync(timeout, cancellationToken);

    private void Release()
    {
        // One pending wake-up is enough: the applier drains everything pending when it wakes.
        if (_arrivals.CurrentCount == 0)
        {
            _arrivals.Release();
        }
    }

    public void Dispose() => _arrivals.Dispose();

    [LoggerMessage(EventId = 5020, Level = LogLevel.Warning, Message = "Redis is not reachable for SET arrival hints ({Error}); the applier finds SETs by polling")]
    private static partial void LogPublishFailed(ILogger logger, string error);
}
