using System.Collections.Concurrent;
using RealTimeAuth.Server.Data;

namespace RealTimeAuth.Server.Events;

/// <summary>
/// Committed entries announced to this replica (by Redis, authenticated, or by a writer in this process), waiting for the
/// synchronizer's loop. Any thread offers; only the loop takes, and only the run that continues exactly from what it has
/// applied: an entry after a gap waits for the log read, which is the source of truth.
/// </summary>
public sealed class AnnouncedEntries
{
    /// <summary>More than this many entries stranded behind a gap are dropped; the log read applies them anyway.</summary>
    private const int MaxPending = 10_000;

    private readonly ConcurrentQueue<IReadOnlyList<EventLogRecord>> _arrived = new();
    private readonly SortedList<long, EventLogRecord> _pending = [];

    /// <summary>Wakes the synchronizer's loop; set by it at start.</summary>
    internal Action? Arrived { get; set; }

    public void Offer(IReadOnlyList<EventLogRecord> entries)
    {
        _arrived.Enqueue(entries);
        Arrived?.Invoke();
    }

    /// <summary>
    /// The entries <paramref name="last"/> + 1, + 2, … that have been announced (possibly none), removed from the waiting
    /// set; <paramref name="gap"/> says whether later ones wait behind a sequence not announced. The loop's thread only.
    /// </summary>
    public List<EventLogRecord> TakeNext(long last, out bool gap)
    {
        while (_arrived.TryDequeue(out var batch))
        {
            foreach (var entry in batch)
            {
                if (entry.Sequence > last)
                {
                    _pending.TryAdd(entry.Sequence, entry);
                }
            }
        }

        while (_pending.Count > 0 && _pending.Keys[0] <= last)
        {
            _pending.RemoveAt(0);
        }

        var run = new List<EventLogRecord>();
        while (_pending.Count > 0 && _pending.Keys[0] == last + run.Count + 1)
        {
            run.Add(_pending.Values[0]);
            _pending.RemoveAt(0);
        }

        gap = _pending.Count > 0;
        if (_pending.Count > MaxPending)
        {
            _pending.Clear();
        }

        return run;
    }

    /// <summary>
    /// After a complete read of the log: whatever still waits was announced before the read started, so had it committed
    /// the read would have applied it. It is not in the log; it is dropped, never applied. The loop's thread only.
    /// </summary>
    public void DropStranded() => _pending.Clear();
}
