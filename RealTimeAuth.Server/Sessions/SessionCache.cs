using System.Collections.Concurrent;
using System.Collections.Immutable;

namespace RealTimeAuth.Server.Sessions;

/// <summary>
/// This replica's view of every live session, kept current by the replica synchronizer from the
/// event log. Reads are lock-free. Besides the synchronizer, only a revocation being written here
/// changes it, ahead of its entry (<see cref="Apply"/>, <see cref="Reinstate"/>), and the eviction of sessions revoked
/// longer ago than the replica keeps them (<see cref="EvictRevokedBefore"/>). Active sessions are indexed by user, so a
/// user-wide revocation finds that user's live sessions without walking every session held.
/// </summary>
public sealed class SessionCache
{
    private readonly ConcurrentDictionary<Guid, SessionState> _sessions = new();
    private readonly ConcurrentDictionary<Guid, ImmutableHashSet<Guid>> _children = new();
    private readonly ConcurrentDictionary<Guid, ImmutableArray<string>> _chains = new();
    // Only active sessions: a user-wide revocation reads its user's live sessions, however many revoked ones the cache
    // still holds. A plain set under its own lock: a storm removes a thousand ids, which an immutable set would copy.
    private readonly ConcurrentDictionary<(string Issuer, string Subject), HashSet<Guid>> _activeByUser = new();
    private ImmutableArray<Action<SessionChange>> _subscribers = [];

    public SessionState? Find(Guid sessionId) => _sessions.GetValueOrDefault(sessionId);

    public ICollection<SessionState> Sessions => _sessions.Values;

    public IReadOnlyCollection<Guid> ChildrenOf(Guid sessionId) =>
        _children.TryGetValue(sessionId, out var children) ? children : [];

    /// <summary>The live sessions of one user held here; enumerates without locking the cache.</summary>
    public IEnumerable<SessionState> ActiveOf(string issuer, string subject)
    {
        if (!_activeByUser.TryGetValue((issuer, subject), out var ids))
        {
            return [];
        }

        Guid[] snapshot;
        lock (ids)
        {
            snapshot = [.. ids];
        }

        return Active(snapshot);
    }

    /// <summary>Whether this user has a live session held here, without copying the user's index as <see cref="ActiveOf"/> does.</summary>
    public bool HasActive(string issuer, string subject)
    {
        if (!_activeByUser.TryGetValue((issuer, subject), out var ids))
        {
            return false;
        }

        lock (ids)
        {
            foreach (var id in ids)
            {
                if (Find(id) is { IsActive: true })
                {
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Drops the sessions revoked before <paramref name="cutoff"/> (and their chains and index entries), as a replica
    /// starting now would not load them (<c>Replica:RevokedRetention</c>): a token of one is then refused as unknown
    /// instead of revoked, and memory stays flat however many sessions come and go. Returns how many were dropped.
    /// </summary>
    internal int EvictRevokedBefore(DateTimeOffset cutoff)
    {
        var evicted = 0;
        foreach (var (id, session) in _sessions)
        {
            // Only the state inspected is removed: a session changed meanwhile stays for the next round.
            if (session is { IsActive: false, RevokedAt: { } revokedAt } && revokedAt < cutoff
                && _sessions.TryRemove(KeyValuePair.Create(id, session)))
            {
                _chains.TryRemove(id, out _);
                _children.TryRemove(id, out _);
                if (session.ParentId is { } parent)
                {
                    RemoveFrom(_children, parent, id);
                }

                evicted++;
            }
        }

        return evicted;
    }

    /// <summary>The live sessions held here among <paramref name="roots"/> and their descendants.</summary>
    public IEnumerable<SessionState> ActiveSubtrees(IEnumerable<Guid> roots)
    {
        var pending = new Queue<Guid>(roots);
        var seen = new HashSet<Guid>();
        while (pending.TryDequeue(out var id))
        {
            if (!seen.Add(id))
            {
                continue;
            }

            foreach (var child in ChildrenOf(id))
            {
                pending.Enqueue(child);
            }

            if (Find(id) is { IsActive: true } session)
            {
                yield return session;
            }
        }
    }

    /// <summary>
    /// Undoes a revocation applied ahead of a write that did not happen: the session, if its cached state is still
    /// <paramref name="ahead"/>, gets <paramref name="row"/>, without a notification.
    /// </summary>
    internal void Reinstate(SessionState ahead, SessionState row)
    {
        if (_sessions.TryUpdate(row.Id, row, ahead))
        {
            IndexByUser(row);
        }
    }

    /// <summary>The agent chain kept for a session by <see cref="RememberChain"/>.</summary>
    internal bool TryGetChain(Guid sessionId, out ImmutableArray<string> chain) => _chains.TryGetValue(sessionId, out chain);

    /// <summary>
    /// Keeps a session's agent chain: its ancestry never changes. An incomplete chain (a parent not applied here
    /// yet) is not kept, so the next walk can complete it.
    /// </summary>
    internal void RememberChain(SessionState session, ImmutableArray<string> chain)
    {
        if (chain.Length == session.Depth + 1)
        {
            _chains.TryAdd(session.Id, chain);
        }
    }

    /// <summary>Calls <paramref name="subscriber"/> for every change applied from now on, on the thread that applies it (the synchronizer's, or a revoking request's when it revokes ahead).</summary>
    public IDisposable Subscribe(Action<SessionChange> subscriber)
    {
        ImmutableInterlocked.Update(ref _subscribers, list => list.Add(subscriber));
        return new Subscription(() => ImmutableInterlocked.Update(ref _subscribers, list => list.Remove(subscriber)));
    }

    internal void Load(IEnumerable<SessionState> sessions)
    {
        foreach (var session in sessions)
        {
            Store(session);
        }
    }

    /// <summary>
    /// Stores the changed session and tells the subscribers. A revocation of a session already revoked tells no one:
    /// revoked is final, and a revocation this replica applied ahead of its entry has already been pushed.
    /// </summary>
    internal void Apply(SessionChange change)
    {
        var previous = Find(change.Session.Id);
        Store(change.Session);
        if (change.Kind == SessionChangeKind.Revoked && previous is { IsActive: false })
        {
            return;
        }

        foreach (var subscriber in _subscribers)
        {
            subscriber(change);
        }
    }

    /// <summary>Records a new token sequence issued on this replica; other replicas learn it from the row if needed.</summary>
    internal void RecordTokenSequence(Guid sessionId, uint sequence)
    {
        if (_sessions.TryGetValue(sessionId, out var session) && session.TokenSequence < sequence)
        {
            _sessions.TryUpdate(sessionId, session with { TokenSequence = sequence }, session);
        }
    }

    /// <summary>
    /// Retires the session's tokens below <paramref name="cutoff"/>'s sequence from its time on; no subscriber is told,
    /// since open streams go on (they are bound already). A session not held here is skipped: it is not served here.
    /// </summary>
    internal void RetireTokens(Guid sessionId, TokenCutoff cutoff)
    {
        while (_sessions.TryGetValue(sessionId, out var session))
        {
            var retired = session.WithTokenCutoff(cutoff);
            if (ReferenceEquals(retired, session) || _sessions.TryUpdate(sessionId, retired, session))
            {
                return;
            }
        }
    }

    private void Store(SessionState session)
    {
        var held = Find(session.Id);

        // A state read from the row knows nothing of retired tokens; what this replica applied stays.
        if (held is { TokenCutoff: not null } && session.TokenCutoff is null)
        {
            session = session with { TokenCutoff = held.TokenCutoff, PreviousTokenCutoff = held.PreviousTokenCutoff };
        }

        _sessions[session.Id] = session;
        if (held?.IsActive != session.IsActive)
        {
            IndexByUser(session);
        }

        // A session's parent never changes: indexed once, when it is first held.
        if (held is null && session.ParentId is { } parent)
        {
            _children.AddOrUpdate(parent, _ => [session.Id], (_, set) => set.Add(session.Id));
        }
    }

    /// <summary>Adds an active session to its user's index, or takes a revoked one out. A user's set, once made, stays.</summary>
    private void IndexByUser(SessionState session)
    {
        var key = (session.Issuer, session.Subject);
        if (session.IsActive)
        {
            var ids = _activeByUser.GetOrAdd(key, static _ => []);
            lock (ids)
            {
                ids.Add(session.Id);
            }
        }
        else if (_activeByUser.TryGetValue(key, out var ids))
        {
            lock (ids)
            {
                ids.Remove(session.Id);
            }
        }
    }

    private IEnumerable<SessionState> Active(Guid[] ids)
    {
        foreach (var id in ids)
        {
            if (Find(id) is { IsActive: true } session)
            {
                yield return session;
            }
        }
    }

    private static void RemoveFrom<TKey>(ConcurrentDictionary<TKey, ImmutableHashSet<Guid>> index, TKey key, Guid id)
        where TKey : notnull
    {
        while (index.TryGetValue(key, out var set))
        {
            var rest = set.Remove(id);
            if (ReferenceEquals(rest, set)
                || (rest.IsEmpty ? index.TryRemove(KeyValuePair.Create(key, set)) : index.TryUpdate(key, rest, set)))
            {
                return;
            }
        }
    }

    private sealed class Subscription(Action dispose) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                dispose();
            }
        }
    }
}
