using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Threading.Channels;
using RealTimeAuth.Server.Data;
using RealTimeAuth.Server.Events;
using RealTimeAuth.Server.Sessions;

namespace RealTimeAuth.Server.Admin.Monitoring;

/// <summary>
/// Feeds the admin streams with the event-log entries this replica's <see cref="ReplicaSynchronizer"/> applies
/// (it has read them already, so the feed reads nothing itself), coalesced to at most one message per
/// <see cref="CoalesceWindow"/> per console: a burst of thousands of entries costs a few messages. Once a second it
/// posts this replica's <see cref="MonitoringStats"/>.
/// </summary>
internal sealed partial class AdminEventFeed(
    ReplicaSynchronizer synchronizer,
    SessionCache cache,
    TelemetryRates rates,
    TimeProvider timeProvider,
    ILogger<AdminEventFeed> logger) : BackgroundService
{
    public static readonly TimeSpan CoalesceWindow = TimeSpan.FromMilliseconds(250);
    public static readonly TimeSpan StatsInterval = TimeSpan.FromSeconds(1);
    private const int BatchSize = 1000;

    private readonly Channel<bool> _signal = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
    private readonly ConcurrentQueue<EventLogRecord> _pending = new();
    private ImmutableArray<MonitorSubscription> _subscribers = [];
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

    private void OnEntriesApplied(IReadOnlyList<EventLogRecord> entries)
    {
        Interlocked.Add(ref _eventsRead, entries.Count);
        if (_subscribers.IsEmpty)
        {
            // No console is watching: nothing to queue (a console that opens later starts from what it reads itself).
            return;
        }

        foreach (var entry in entries)
        {
            _pending.Enqueue(entry);
        }

        _signal.Writer.TryWrite(true);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        synchronizer.EntriesApplied += OnEntriesApplied;
        var stats = PostStatsAsync(stoppingToken);
        try
        {
            while (await _signal.Reader.WaitToReadAsync(stoppingToken))
            {
                _signal.Reader.TryRead(out _);
                try
                {
                    PostPending();
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    // An entry the mapper cannot read must not stop the admin streams; it is logged and skipped.
                    LogPostFailed(logger, exception.GetType().Name, exception.Message);
                }

                await Task.Delay(CoalesceWindow, timeProvider, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
        finally
        {
            synchronizer.EntriesApplied -= OnEntriesApplied;
        }

        await stats;
    }

    /// <summary>Everything applied since the last post, in messages of at most <see cref="BatchSize"/> entries.</summary>
    private void PostPending()
    {
        if (_subscribers.IsEmpty)
        {
            // No console is watching: nothing to map (each entry's payload is parsed) or post.
            _pending.Clear();
            return;
        }

        var batch = new List<AdminEventEntry>();
        while (_pending.TryDequeue(out var entry))
        {
            batch.Add(AdminEventMapper.From(entry));
            if (batch.Count == BatchSize)
            {
                Post(batch);
                batch = [];
            }
        }

        if (batch.Count > 0)
        {
            Post(batch);
        }
    }

    private void Post(List<AdminEventEntry> entries)
    {
        var message = new MonitorMessage.Logs(entries);
        foreach (var subscriber in _subscribers)
        {
            subscriber.Post(message);
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

    [LoggerMessage(EventId = 6100, Level = LogLevel.Warning, Message = "The admin event feed could not post applied entries ({Error}: {Reason})")]
    private static partial void LogPostFailed(ILogger logger, string error, string reason);
}
