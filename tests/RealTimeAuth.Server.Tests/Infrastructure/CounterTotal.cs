using System.Diagnostics.Metrics;

namespace RealTimeAuth.Server.Tests.Infrastructure;

/// <summary>The sum of what one counter records from construction on, in any thread.</summary>
internal sealed class CounterTotal : IDisposable
{
    private readonly MeterListener _listener = new();
    private long _total;

    public CounterTotal(Counter<long> counter)
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
