using System.Collections.Concurrent;

namespace RealTimeAuth.Server.Sessions.Lifetimes;

/// <summary>
/// The sessions that made a decision on this replica since the last activity flush. Marking one is a lock-free
/// dictionary lookup (an add only for its first decision in an interval), so the decision path gains no I/O; the
/// <see cref="SessionActivityFlusher"/> writes the set once per interval (ADR 0018).
/// </summary>
public sealed class SessionActivity
{
    private ConcurrentDictionary<Guid, byte> _active = new();

    /// <summary>Notes that <paramref name="sessionId"/> acted now.</summary>
    public void Touch(Guid sessionId) => _active.TryAdd(sessionId, 0);

    /// <summary>The sessions that acted since the previous call; marks made during the call land in the next set.</summary>
    public IReadOnlyCollection<Guid> Drain()
    {
        var drained = Interlocked.Exchange(ref _active, new ConcurrentDictionary<Guid, byte>());
        return [.. drained.Keys];
    }

    /// <summary>Puts back sessions whose activity could not be written, for the next flush.</summary>
    public void Restore(IEnumerable<Guid> sessionIds)
    {
        foreach (var id in sessionIds)
        {
            Touch(id);
        }
    }
}
