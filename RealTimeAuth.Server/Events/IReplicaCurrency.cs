namespace RealTimeAuth.Server.Events;

/// <summary>Whether this replica can prove it has applied every committed change recently enough to decide.</summary>
public interface IReplicaCurrency
{
    bool IsCurrent { get; }

    long LastAppliedSequence { get; }

    Task WaitForAppliedAsync(long sequence, CancellationToken cancellationToken);

    /// <summary>Reads the log now and completes once everything committed before the call is applied.</summary>
    Task CatchUpAsync(CancellationToken cancellationToken);
}
