using RealTimeAuth.Server.Events;

namespace RealTimeAuth.Server.Sessions;

/// <summary>
/// Tells the other replicas a session entry was written, then waits until this replica has applied it, so the caller's
/// next request here already sees the change.
/// </summary>
public sealed class SessionChangePublisher(EventAnnouncer announcer, IReplicaCurrency replica)
{
    public async Task PublishAsync(long sequence, CancellationToken cancellationToken)
    {
        await announcer.AnnounceAsync(sequence);
        await replica.WaitForAppliedAsync(sequence, cancellationToken);
    }
}
