using System.Collections.Concurrent;
using System.Diagnostics;

namespace RealTimeAuth.LoadDriver.Faults;

/// <summary>
/// Outcomes and marks (fault injected, dependency back) of one fault run, each in milliseconds from the same origin,
/// recorded from many threads at once. The wall-clock origin lets a mark be matched with times the server stored.
/// </summary>
internal sealed class FaultTimeline
{
    private readonly long _origin = Stopwatch.GetTimestamp();
    private readonly ConcurrentQueue<FaultEvent> _events = new();
    private readonly ConcurrentDictionary<string, double> _marks = new(StringComparer.Ordinal);

    public DateTimeOffset WallOrigin { get; } = DateTimeOffset.UtcNow;

    public double NowMs => Stopwatch.GetElapsedTime(_origin).TotalMilliseconds;

    public IReadOnlyList<FaultEvent> Events => [.. _events];

    public IReadOnlyDictionary<string, double> Marks => _marks;

    public double MsOf(long timestamp) => Stopwatch.GetElapsedTime(_origin, timestamp).TotalMilliseconds;

    public void Record(string series) => _events.Enqueue(new FaultEvent(NowMs, series));

    public void Record(string series, long timestamp) => _events.Enqueue(new FaultEvent(MsOf(timestamp), series));

    /// <summary>An outcome seen at a known time, <paramref name="atMs"/> from the origin (a replay, or a report's test).</summary>
    public void RecordAt(double atMs, string series) => _events.Enqueue(new FaultEvent(atMs, series));

    /// <summary>A mark at a known time, <paramref name="atMs"/> from the origin.</summary>
    public void MarkAt(string name, double atMs) => _marks[name] = atMs;

    /// <summary>Marks <paramref name="name"/> now and returns its time.</summary>
    public double Mark(string name)
    {
        var at = NowMs;
        _marks[name] = at;
        return at;
    }

    public double this[string mark] => _marks.TryGetValue(mark, out var at) ? at : throw new KeyNotFoundException($"The run has no mark '{mark}'.");

    public DateTimeOffset WallTimeOf(double atMs) => WallOrigin + TimeSpan.FromMilliseconds(atMs);
}
