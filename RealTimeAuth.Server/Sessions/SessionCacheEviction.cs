using Microsoft.Extensions.Options;
using RealTimeAuth.Server.Events;

namespace RealTimeAuth.Server.Sessions;

/// <summary>
/// Every <see cref="Interval"/>, drops from the <see cref="SessionCache"/> the sessions revoked longer ago than
/// <see cref="ReplicaOptions.RevokedRetention"/>: the cache holds what a replica starting now would load, so a
/// long-running replica's memory does not grow with every session it ever saw.
/// </summary>
internal sealed partial class SessionCacheEviction(
    SessionCache cache, IOptions<ReplicaOptions> options, TimeProvider timeProvider, ILogger<SessionCacheEviction> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, timeProvider);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            var evicted = cache.EvictRevokedBefore(timeProvider.GetUtcNow() - options.Value.RevokedRetention);
            if (evicted > 0)
            {
                LogEvicted(logger, evicted);
            }
        }
    }

    [LoggerMessage(EventId = 1070, Level = LogLevel.Debug, Message = "Dropped {Count} sessions revoked longer ago than Replica:RevokedRetention from the cache")]
    private static partial void LogEvicted(ILogger logger, int count);
}
