using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using Microsoft.Extensions.Options;
using RealTimeAuth.Protocol.Live;
using RealTimeAuth.Server.Sessions;
using RealTimeAuth.Server.Sessions.Lifetimes;
using RealTimeAuth.Server.Telemetry;

namespace RealTimeAuth.Server.Live;

/// <summary>
/// The open live streams of this replica, by session. One key holds one live stream: a stream opened with a
/// valid proof supersedes the session's other streams (<see cref="Supersede"/>), here and, through
/// <see cref="StreamSupersession"/>, on the other replicas. One subscription to the <see cref="SessionCache"/> routes each revocation or context
/// change to the session's streams. It runs on the replica synchronizer's thread, so it never waits:
/// a stream whose queue is full is dropped instead.
/// </summary>
internal sealed partial class StreamHub : IOpenStreams, IDisposable
{
    private readonly ConcurrentDictionary<Guid, ImmutableArray<LiveConnection>> _connections = new();
    private readonly IOptions<LiveChannelOptions> _options;
    private readonly RtaServerTelemetry _telemetry;
    private readonly ILogger<StreamHub> _logger;
    private readonly IDisposable _subscription;

    public StreamHub(SessionCache cache, IOptions<LiveChannelOptions> options, RtaServerTelemetry telemetry, ILogger<StreamHub> logger)
    {
        _options = options;
        _telemetry = telemetry;
        _logger = logger;
        _subscription = cache.Subscribe(OnChange);
    }

    /// <summary>Open streams on this replica.</summary>
    public int Count => _connections.Values.Sum(list => list.Length);

    /// <summary>The sessions with a stream open here; the activity flush keeps them from going idle.</summary>
    public IReadOnlyCollection<Guid> SessionsWithOpenStreams() => [.. _connections.Keys];

    public IReadOnlyList<LiveConnection> ConnectionsOf(Guid sessionId) =>
        _connections.TryGetValue(sessionId, out var list) ? list : [];

    /// <summary>Registers a stream; changes to the session queue on it until it is disposed.</summary>
    public LiveConnection Connect(Guid sessionId, string transport)
    {
        var connection = new LiveConnection(sessionId, transport, _options.Value.StreamBufferCapacity, Release);
        _connections.AddOrUpdate(sessionId, static (_, added) => [added], static (_, list, added) => list.Add(added), connection);
        _telemetry.ActiveStreams.Add(1, new KeyValuePair<string, object?>("rta.stream.transport", transport));
        return connection;
    }

    /// <summary>
    /// Drops every other stream of the session of <paramref name="kept"/> on this replica with
    /// <see cref="RtaStreamCloseReasons.Superseded"/>; returns how many were dropped.
    /// </summary>
    public int Supersede(Guid sessionId, Guid kept)
    {
        var dropped = 0;
        foreach (var connection in ConnectionsOf(sessionId))
        {
            if (connection.Id != kept && connection is { DropReason: null, IsClosed: false })
            {
                connection.Drop(RtaStreamCloseReasons.Superseded);
                LogSuperseded(_logger, sessionId, connection.Transport);
                dropped++;
            }
        }

        return dropped;
    }

    /// <summary>The open stream of the session on this replica whose binding is <paramref name="binding"/>, if any.</summary>
    public LiveConnection? FindBound(Guid sessionId, ReadOnlySpan<byte> binding)
    {
        LiveConnection? found = null;
        // Every candidate is compared, so the time taken says nothing of which one matched.
        foreach (var connection in ConnectionsOf(sessionId))
        {
            if (connection.IsBoundBy(binding))
            {
                found = connection;
            }
        }

        return found;
    }

    public void Dispose() => _subscription.Dispose();

    private void Release(LiveConnection connection)
    {
        while (_connections.TryGetValue(connection.SessionId, out var list))
        {
            var remaining = list.Remove(connection);
            if (remaining.Length == list.Length)
            {
                break;
            }

            var replaced = remaining.IsEmpty
                ? _connections.TryRemove(new KeyValuePair<Guid, ImmutableArray<LiveConnection>>(connection.SessionId, list))
                : _connections.TryUpdate(connection.SessionId, remaining, list);
            if (replaced)
            {
                break;
            }
        }

        _telemetry.ActiveStreams.Add(-1, new KeyValuePair<string, object?>("rta.stream.transport", connection.Transport));
    }

    private void OnChange(SessionChange change)
    {
        if (change.Kind is not (SessionChangeKind.Revoked or SessionChangeKind.ContextChanged)
            || !_connections.TryGetValue(change.Session.Id, out var list))
        {
            return;
        }

        var signal = new LiveSignal(change, Activity.Current?.Context ?? default);
        foreach (var connection in list)
        {
            if (!connection.TryPost(signal) && connection is { DropReason: null, IsClosed: false })
            {
                connection.Drop(RtaStreamCloseReasons.StreamOverloaded);
                LogDropped(_logger, change.Session.Id, connection.Transport);
            }
        }
    }

    [LoggerMessage(EventId = 7000, Level = LogLevel.Warning,
        Message = "Dropped a {Transport} stream of session {SessionId}: its queue is full (LiveChannel:StreamBufferCapacity)")]
    private static partial void LogDropped(ILogger logger, Guid sessionId, string transport);

    [LoggerMessage(EventId = 7001, Level = LogLevel.Information,
        Message = "Closed a {Transport} stream of session {SessionId}: a newer stream of the session opened with a valid proof")]
    private static partial void LogSuperseded(ILogger logger, Guid sessionId, string transport);
}
