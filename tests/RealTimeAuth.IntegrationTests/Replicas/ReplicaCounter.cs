using System.Diagnostics.Metrics;

namespace RealTimeAuth.IntegrationTests.Replicas;

/// <summary>
/// What one replica's counter records from construction on. Replicas share this process, each with its own meter, so the
/// instrument is matched by reference.
/// </summary>
internal sealed class ReplicaCounter : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _total;

    public ReplicaCounter(Counter<long> counter)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument, counter))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, value, _, _) => Interlocked.Add(ref _total, value));
        _listener.Start();
    }

    public long Value => Interlocked.Read(ref _total);

    public void Dispose() => _listener.Dispose();
}
