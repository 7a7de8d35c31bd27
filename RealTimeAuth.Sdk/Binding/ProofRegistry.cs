using System.Collections.Concurrent;

namespace RealTimeAuth.Sdk.Binding;

/// <summary>The live sessions of one factory by <see cref="SessionProofs.Handle"/>, for <see cref="ProofHandler"/> to find the key of a gRPC call.</summary>
internal sealed class ProofRegistry
{
    private readonly ConcurrentDictionary<string, SessionProofs> _sessions = new(StringComparer.Ordinal);

    public void Add(SessionProofs proofs) => _sessions[proofs.Handle] = proofs;

    public SessionProofs? Find(string handle) => _sessions.GetValueOrDefault(handle);

    /// <summary>Forgets the session and disposes its key.</summary>
    public void Release(SessionProofs proofs)
    {
        _sessions.TryRemove(proofs.Handle, out _);
        proofs.Dispose();
    }

    /// <summary>Disposes every key still held, when the factory goes.</summary>
    public void ReleaseAll()
    {
        foreach (var proofs in _sessions.Values)
        {
            Release(proofs);
        }
    }
}
