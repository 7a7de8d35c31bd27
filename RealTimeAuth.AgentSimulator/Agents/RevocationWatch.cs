using RealTimeAuth.Sdk;

namespace RealTimeAuth.AgentSimulator.Agents;

/// <summary>Remembers whether a session that does no work of its own (the co-pilot) was revoked during a run.</summary>
internal sealed class RevocationWatch : IDisposable
{
    private readonly IAgentSession _session;
    private RtaRevokedEventArgs? _revocation;

    public RevocationWatch(IAgentSession session)
    {
        _session = session;
        _session.Revoked += OnRevoked;
    }

    public RtaRevokedEventArgs? Revocation => Volatile.Read(ref _revocation);

    public void Dispose() => _session.Revoked -= OnRevoked;

    private void OnRevoked(object? sender, RtaRevokedEventArgs revocation) =>
        Interlocked.CompareExchange(ref _revocation, revocation, null);
}
