using System.Collections.Concurrent;
using System.Diagnostics.Metrics;

namespace RealTimeAuth.Server.Tests.Security.Transmitters;

/// <summary>The <c>reason</c> tags of one counter's measurements while it listens.</summary>
internal sealed class RejectionReasons : IDisposable
{
    private readonly MeterListener _listener = new();
    private readonly ConcurrentQueue<string?> _reasons = new();

    public RejectionReasons(Counter<long> counter)
    {
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (ReferenceEquals(instrument, counter))
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((_, _, tags, _) =>
        {
            foreach (var tag in tags)
            {
                if (tag.Key == "reason")
                {
                    _reasons.Enqueue(tag.Value as string);
                }
            }
        });
        _listener.Start();
    }

    public int Count(string reason) => _reasons.Count(seen => seen == reason);

    public void Dispose() => _listener.Dispose();
}
