using System.Collections.Immutable;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using RealTimeAuth.Server.Data;
using RealTimeAuth.Server.Events;
using RealTimeAuth.Server.Sessions;
using StackExchange.Redis;

namespace RealTimeAuth.Server.Admin.Monitoring;

/// <summary>
/// Feeds the admin streams. It observes what already exists — the session cache's change subscription and
/// the Redis announcement channel — only as a wake-up, then reads the new event-log entries itself, at most
/// once per <see cref="CoalesceWindow"/>: a burst of thousands of entries costs one query and one message per
/// window per console. Once a second it posts this replica's <see cref="MonitoringStats"/>.
/// </summary>
internal sealed partial class AdminEventFeed(
    IServiceScopeFactory scopeFactory,
    IConnectionMultiplexer redis,
    SessionCache cache,
    DatabaseMigrationState migrations,
    TelemetryRates rates,
    TimeProvider timeProvider,
    ILogger<AdminEventFeed> logger) : BackgroundService
{
    public static readonly TimeSpan CoalesceWindow = TimeSpan.FromMilliseconds(250);
    public static readonly TimeSpan StatsInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);
    private const int BatchSize = 1000;

    private readonly Channel<bool> _signal = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private ImmutableArray<MonitorSubscription> _subscribers = [];
    private long _last;
    private bool _positioned;
    private long _eventsRead;

    public int OpenStreams => _subscribers.Length;

    public MonitorSubscription Subscribe()
    {
        var subscription = new MonitorSubscription(Unsubscribe);
        ImmutableInterlocked.Update(ref _subscribers, list => list.Add(subscription));
        return subscription;
    }

    private void Unsubscribe(MonitorSubscription subscription) =>
        ImmutableInterlocked.Update(ref _subscribers, list => list.Remove(subscription));

    private void Signal() => _signal.Writer.TryWrite(true);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await migrations.Completion.WaitAsync(stoppingToken);
        using var cacheSubscription = cache.Subscribe(_ => Signal());
        await redis.GetSubscriber().SubscribeAsync(EventAnnouncer.Channel, (_, _) => Signal());
        await PositionAsync(stoppingToken);
        var stats = PostStatsAsync(stoppingToken);

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await WaitForSignalAsync(stoppingToken);
                await ReadNewEntriesAsync(stoppingToken);
                await Task.Delay(CoalesceWindow, timeProvider, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception)
            {
                LogReadFailed(logger, exception.GetType().Name, exception.Message);
                await Task.Delay(PollInterval, timeProvider, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }

        await stats;
    }

    private async Task PositionAsync(CancellationToken stoppingToken)
    {
        while (!_positioned && !stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ReadNewEntriesAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogReadFailed(logger, exception.GetType().Name, exception.Message);
                await Task.Delay(PollInterval, timeProvider, stoppingToken);
            }
        }
    }

    private async Task WaitForSignalAsync(CancellationToken stoppingToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        timeout.CancelAfter(PollInterval);
        try
        {
            await _signal.Reader.ReadAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
        {
            // The poll interval passed: look at the log anyway.
        }
    }

    private async Task ReadNewEntriesAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopeFactory.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RtaDbContext>();
        if (!_positioned)
        {
            // Start at the log's end: the console loads history from GET /admin/v1/events.
            _last = await db.EventLog.MaxAsync(entry => (long?)entry.Sequence, cancellationToken) ?? 0;
            _positioned = true;
            return;
        }

        while (true)
        {
            var last = _last;
            var rows = await db.EventLog.AsNoTracking().Where(entry => entry.Sequence > last)
                .OrderBy(entry => entry.Sequence).Take(BatchSize).ToListAsync(cancellationToken);
            if (rows.Count == 0)
            {
                return;
            }

            _last = rows[^1].Sequence;
            Interlocked.Add(ref _eventsRead, rows.Count);
            var message = new MonitorMessage.Logs(rows.Select(AdminEventMapper.From).ToList());
            foreach (var subscriber in _subscribers)
            {
                subscriber.Post(message);
            }

            if (rows.Count < BatchSize)
            {
                return;
            }
        }
    }

    private async Task PostStatsAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(StatsInterval, timeProvider);
        var previous = Totals();
        var previousAt = timeProvider.GetTimestamp();
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                var now = Totals();
                var nowAt = timeProvider.GetTimestamp();
                var seconds = Math.Max(timeProvider.GetElapsedTime(previousAt, nowAt).TotalSeconds, 0.001);
                if (!_subscribers.IsEmpty)
                {
                    var message = new MonitorMessage.Stats(Compute(now, previous, seconds));
                    foreach (var subscriber in _subscribers)
                    {
                        subscriber.Post(message);
                    }
                }

                previous = now;
                previousAt = nowAt;
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private (long Decisions, long Denials, long Revocations, long Events) Totals() =>
        (rates.Decisions, rates.Denials, rates.Revocations, Interlocked.Read(ref _eventsRead));

    private MonitoringStats Compute(
        (long Decisions, long Denials, long Revocations, long Events) now,
        (long Decisions, long Denials, long Revocations, long Events) previous,
        double seconds)
    {
        var users = new HashSet<(string, string)>();
        var agents = new HashSet<string>(StringComparer.Ordinal);
        var sessions = 0;
        foreach (var session in cache.Sessions)
        {
            if (!session.IsActive)
            {
                continue;
            }

            sessions++;
            users.Add((session.Issuer, session.Subject));
            agents.Add(session.Agent.Id);
        }

        var (p50, p99) = rates.RevocationToPushPercentiles();
        return new MonitoringStats(
            users.Count, sessions, agents.Count, rates.Streams,
            Rate(now.Decisions - previous.Decisions, seconds),
            Rate(now.Denials - previous.Denials, seconds),
            Rate(now.Events - previous.Events, seconds),
            Rate(now.Revocations - previous.Revocations, seconds),
            p50, p99);
    }

    private static double Rate(long delta, double seconds) => Math.Round(Math.Max(delta, 0) / seconds, 2);

    [LoggerMessage(EventId = 6100, Level = LogLevel.Warning, Message = "The admin event feed could not read the event log ({Error}: {Reason}); retrying")]
    private static partial void LogReadFailed(ILogger logger, string error, string reason);
}
