using System.Diagnostics;
using Grpc.Core;
using RealTimeAuth.Sdk;
using RealTimeAuth.Testing.Hosting;

namespace RealTimeAuth.LoadDriver.Faults;

/// <summary>
/// An agent whose every Revoked event is counted (exactly-once delivery) and whose moves to Connected are timed, so a
/// run can tell when it came back after a fault. The timeline records each delivery and each state change (with the
/// SDK's reason) as it happens.
/// </summary>
internal sealed class WatchedAgent : IDisposable
{
    private readonly FaultTimeline _timeline;
    private readonly Lock _lock = new();
    private readonly List<long> _connectedAt = [];
    private int _revoked;

    public WatchedAgent(AgentProbe probe, FaultTimeline timeline)
    {
        Probe = probe;
        _timeline = timeline;
        probe.Client.Revoked += OnRevoked;
        probe.Client.ConnectionStateChanged += OnStateChanged;
    }

    public AgentProbe Probe { get; }

    public RtaClient Client => Probe.Client;

    public int RevokedCount => Volatile.Read(ref _revoked);

    /// <summary>The first move to Connected at or after <paramref name="timestamp"/>, or null.</summary>
    public long? ConnectedAfter(long timestamp)
    {
        lock (_lock)
        {
            return _connectedAt.Where(at => at >= timestamp).Select(at => (long?)at).FirstOrDefault();
        }
    }

    public void Dispose()
    {
        Probe.Client.Revoked -= OnRevoked;
        Probe.Client.ConnectionStateChanged -= OnStateChanged;
    }

    private static string? Describe(Exception? exception) => exception switch
    {
        null => null,
        RpcException rpc => $"{rpc.StatusCode}: {rpc.Status.Detail}",
        _ => exception.GetType().Name,
    };

    private void OnRevoked(object? sender, RtaRevokedEventArgs e)
    {
        Interlocked.Increment(ref _revoked);
        _timeline.Record(FaultSeries.RevocationDelivered);
    }

    private void OnStateChanged(object? sender, RtaConnectionStateChangedEventArgs e)
    {
        _timeline.Record(FaultSeries.State(e.State.ToString(), e.Reason ?? Describe(e.Exception)));
        if (e.State == RtaConnectionState.Connected)
        {
            lock (_lock)
            {
                _connectedAt.Add(Stopwatch.GetTimestamp());
            }
        }
    }
}
