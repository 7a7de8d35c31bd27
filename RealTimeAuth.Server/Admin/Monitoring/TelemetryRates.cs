using System.Diagnostics.Metrics;
using RealTimeAuth.Server.Telemetry;

namespace RealTimeAuth.Server.Admin.Monitoring;

/// <summary>
/// Listens to this server's own <see cref="RtaServerTelemetry"/> meter (only the instance from this host's
/// <see cref="IMeterFactory"/>, so replicas sharing a process stay apart) and keeps running totals and recent
/// revocation-to-push samples, without touching the code that records them.
/// </summary>
internal sealed class TelemetryRates : IDisposable
{
    private const int MaxSamples = 10_000;
    private static readonly TimeSpan SampleWindow = TimeSpan.FromMinutes(1);

    private readonly MeterListener _listener = new();
    private readonly IMeterFactory _meterFactory;
    private readonly TimeProvider _timeProvider;
    private readonly Queue<(long Ticks, double Milliseconds)> _samples = new();
    private long _decisions;
    private long _denials;
    private long _revocations;
    private long _streams;

    public TelemetryRates(IMeterFactory meterFactory, TimeProvider timeProvider)
    {
        _meterFactory = meterFactory;
        _timeProvider = timeProvider;
        _listener.InstrumentPublished = (instrument, listener) =>
        {
            if (instrument.Meter.Name == RtaServerTelemetry.Name && ReferenceEquals(instrument.Meter.Scope, _meterFactory)
                && instrument.Name is "rta.decisions" or "rta.denials" or "rta.revocations" or "rta.streams.active" or "rta.revocation_to_push")
            {
                listener.EnableMeasurementEvents(instrument);
            }
        };
        _listener.SetMeasurementEventCallback<long>((instrument, value, _, _) => OnLong(instrument.Name, value));
        _listener.SetMeasurementEventCallback<double>((instrument, value, _, _) => OnDouble(instrument.Name, value));
        _listener.Start();
    }

    public long Decisions => Interlocked.Read(ref _decisions);

    public long Denials => Interlocked.Read(ref _denials);

    public long Revocations => Interlocked.Read(ref _revocations);

    public long Streams => Interlocked.Read(ref _streams);

    /// <summary>p50 and p99 of the revocation-to-push samples of the last minute; null when there were none.</summary>
    public (double? P50, double? P99) RevocationToPushPercentiles()
    {
        double[] values;
        lock (_samples)
        {
            Trim();
            values = _samples.Select(sample => sample.Milliseconds).ToArray();
        }

        if (values.Length == 0)
        {
            return (null, null);
        }

        Array.Sort(values);
        return (Percentile(values, 0.50), Percentile(values, 0.99));
    }

    private static double Percentile(double[] sorted, double rank) =>
        Math.Round(sorted[Math.Clamp((int)Math.Ceiling(rank * sorted.Length) - 1, 0, sorted.Length - 1)], 3);

    private void OnLong(string name, long value)
    {
        switch (name)
        {
            case "rta.decisions":
                Interlocked.Add(ref _decisions, value);
                break;
            case "rta.denials":
                Interlocked.Add(ref _denials, value);
                break;
            case "rta.revocations":
                Interlocked.Add(ref _revocations, value);
                break;
            case "rta.streams.active":
                Interlocked.Add(ref _streams, value);
                break;
        }
    }

    private void OnDouble(string name, double value)
    {
        if (name != "rta.revocation_to_push")
        {
            return;
        }

        lock (_samples)
        {
            _samples.Enqueue((_timeProvider.GetUtcNow().UtcTicks, value));
            while (_samples.Count > MaxSamples)
            {
                _samples.Dequeue();
            }
        }
    }

    private void Trim()
    {
        var oldest = _timeProvider.GetUtcNow().UtcTicks - SampleWindow.Ticks;
        while (_samples.TryPeek(out var sample) && sample.Ticks < oldest)
        {
            _samples.Dequeue();
        }
    }

    public void Dispose() => _listener.Dispose();
}
