using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Diagnostics;
using Microsoft.Extensions.Options;
using RealTimeAuth.Protocol.Live;
using RealTimeAuth.Server.Sessions;
using RealTimeAuth.Server.Telemetry;

namespace RealTimeAuth.Server.Live;

/// <summary>
/// The open live streams of this replica, by session (a session briefly has two while its client
/// reconnects). One subscription to the <see cref="SessionCache"/> routes each revocation or context
/// change to the session's streams. It runs on the replica synchronizer's thread, so it never waits:
/// a stream whose queue is full is dropped instead.
/// </summary>
internal sealed partial class StreamHub : IDisposable
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
}
