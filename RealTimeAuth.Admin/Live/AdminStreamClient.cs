using System.Net;
using System.Text.Json;
using RealTimeAuth.Admin.Api;
using RealTimeAuth.Admin.Api.Models;

namespace RealTimeAuth.Admin.Live;

/// <summary>
/// Reads the server's <c>/admin/v1/stream</c> for one circuit, reconnecting with backoff, and passes what arrives to
/// its subscribers (<see cref="SubscribeEvents"/>, <see cref="SubscribeStats"/>, <see cref="SubscribeState"/>). It keeps
/// the last minutes of stats for the overview chart and the latest entries for the event feed, so a page that opens
/// later starts with a snapshot. Components subscribe once, throttle their renders (<see cref="RenderThrottle"/>) and
/// dispose the subscription when they go.
/// </summary>
public sealed partial class AdminStreamClient(HttpClient http, TimeProvider timeProvider, ILogger<AdminStreamClient> logger) : IAsyncDisposable
{
    public const int StatsHistory = 300;
    public const int EventHistory = 500;
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(10);

    private readonly Lock _gate = new();
    private readonly LinkedList<MonitoringStats> _stats = new();
    private readonly LinkedList<AdminEvent> _events = new();
    // A handler that throws would otherwise end the read loop, and with it every page's live updates, without a trace.
    private readonly Subscribers<IReadOnlyList<AdminEvent>> _eventSubscribers = new(exception => LogSubscriberFailed(logger, exception));
    private readonly Subscribers<MonitoringStats> _statsSubscribers = new(exception => LogSubscriberFailed(logger, exception));
    private readonly Subscribers<StreamState> _stateSubscribers = new(exception => LogSubscriberFailed(logger, exception));
    private CancellationTokenSource? _stopping;
    private Task? _loop;

    public StreamState State { get; private set; } = StreamState.Connecting;

    public MonitoringStats? LatestStats { get; private set; }

    public IReadOnlyList<MonitoringStats> RecentStats
    {
        get
        {
            lock (_gate)
            {
                return [.. _stats];
            }
        }
    }

    /// <summary>Newest first.</summary>
    public IReadOnlyList<AdminEvent> RecentEvents
    {
        get
        {
            lock (_gate)
            {
                return [.. _events];
            }
        }
    }

    /// <summary>Calls <paramref name="onEvents"/> with each batch of new event-log entries until the subscription is disposed.</summary>
    public IDisposable SubscribeEvents(Action<IReadOnlyList<AdminEvent>> onEvents) => _eventSubscribers.Add(onEvents);

    /// <summary>Calls <paramref name="onStats"/> with each stats message (once a second) until the subscription is disposed.</summary>
    public IDisposable SubscribeStats(Action<MonitoringStats> onStats) => _statsSubscribers.Add(onStats);

    /// <summary>Calls <paramref name="onState"/> when the connection's <see cref="State"/> changes until the subscription is disposed.</summary>
    public IDisposable SubscribeState(Action<StreamState> onState) => _stateSubscribers.Add(onState);

    /// <summary>Starts reading (once per circuit); later calls do nothing.</summary>
    public void EnsureStarted()
    {
        lock (_gate)
        {
            if (_loop is not null)
            {
                return;
            }

            _stopping = new CancellationTokenSource();
            _loop = Task.Run(() => RunAsync(_stopping.Token));
        }
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        var backoff = TimeSpan.FromMilliseconds(500);
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, "admin/v1/stream");
                request.Headers.Accept.ParseAdd("text/event-stream");
                using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken);
                if (response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
                {
                    SetState(StreamState.SignedOut);
                }
                else
                {
                    response.EnsureSuccessStatusCode();
                    SetState(StreamState.Connected);
                    backoff = TimeSpan.FromMilliseconds(500);
                    await using var body = await response.Content.ReadAsStreamAsync(cancellationToken);
                    using var reader = new StreamReader(body);
                    await foreach (var (type, data) in SseParser.ReadAsync(reader, cancellationToken))
                    {
                        Dispatch(type, data);
                    }
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception) when (exception is HttpRequestException or IOException or JsonException or OperationCanceledException)
            {
                LogStreamLost(logger, exception.GetType().Name);
            }

            if (State != StreamState.SignedOut)
            {
                SetState(StreamState.Reconnecting);
            }

            try
            {
                await Task.Delay(backoff, timeProvider, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
        }
    }

    internal void Dispatch(string type, string data)
    {
        switch (type)
        {
            case "log":
                Publish([JsonSerializer.Deserialize<AdminEvent>(data, AdminApiClient.Json)!]);
                break;
            case "logs":
                Publish(JsonSerializer.Deserialize<List<AdminEvent>>(data, AdminApiClient.Json) ?? []);
                break;
            case "stats":
                var stats = JsonSerializer.Deserialize<MonitoringStats>(data, AdminApiClient.Json)!;
                lock (_gate)
                {
                    _stats.AddLast(stats);
                    while (_stats.Count > StatsHistory)
                    {
                        _stats.RemoveFirst();
                    }
                }

                LatestStats = stats;
                _statsSubscribers.Publish(stats);
                break;
        }
    }

    private void Publish(IReadOnlyList<AdminEvent> entries)
    {
        if (entries.Count == 0)
        {
            return;
        }

        lock (_gate)
        {
            foreach (var entry in entries)
            {
                _events.AddFirst(entry);
            }

            while (_events.Count > EventHistory)
            {
                _events.RemoveLast();
            }
        }

        _eventSubscribers.Publish(entries);
    }

    private void SetState(StreamState state)
    {
        if (State == state)
        {
            return;
        }

        State = state;
        _stateSubscribers.Publish(state);
    }

    public async ValueTask DisposeAsync()
    {
        if (_stopping is null)
        {
            return;
        }

        await _stopping.CancelAsync();
        if (_loop is not null)
        {
            await _loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        _stopping.Dispose();
    }

    [LoggerMessage(EventId = 7100, Level = LogLevel.Information, Message = "The admin stream was lost ({Error}); reconnecting")]
    private static partial void LogStreamLost(ILogger logger, string error);

    [LoggerMessage(EventId = 7101, Level = LogLevel.Error, Message = "A subscriber to the admin stream failed; the stream goes on")]
    private static partial void LogSubscriberFailed(ILogger logger, Exception exception);
}
