using System.Collections.Concurrent;
using RealTimeAuth.Protocol.Binding;
using RealTimeAuth.Sdk;
using RealTimeAuth.Server.Sessions;

namespace RealTimeAuth.Testing.Hosting;

/// <summary>
/// The session keys of the SDK clients tests build (<see cref="Agents"/>), kept by thumbprint, so a test can make the
/// raw calls an agent's own key allows next to the SDK's: a copied token with and without its key, say. Keys are
/// ordinary non-exportable Ed25519 keys; the SDK disposes each with its client.
/// </summary>
public sealed class TestSessionKeys : IRtaSessionKeyFactory
{
    private readonly ConcurrentDictionary<string, ProofKey> _byThumbprint = new(StringComparer.Ordinal);

    public IDpopSigningKey CreateSessionKey()
    {
        var key = ProofKey.Create();
        _byThumbprint[key.Thumbprint] = key;
        return key;
    }

    /// <summary>The key of the SDK session <paramref name="sessionId"/>, as <paramref name="server"/> knows it bound.</summary>
    public ProofKey KeyOf(ServerHost server, string sessionId)
    {
        var thumbprint = server.Service<SessionCache>().Find(Guid.Parse(sessionId))?.KeyThumbprint
            ?? throw new InvalidOperationException($"Replica {server.Name} holds no bound session {sessionId}.");
        return _byThumbprint.TryGetValue(thumbprint, out var key)
            ? key
            : throw new InvalidOperationException($"Session {sessionId} was not made with these keys.");
    }
}
