namespace RealTimeAuth.Protocol.Keys;

/// <summary>
/// Brings an <see cref="RtaKeyRing"/> up to date with the keys its deployment has published, for a well-formed token that
/// names a key id the ring does not hold (a key published a moment ago, or a forged id). Implementations bound how often
/// they read, so a flood of forged key ids costs no more than one read per interval.
/// </summary>
public interface IRtaKeyRingRefresher
{
    /// <summary>Completes once the ring has been refreshed, or at once when a refresh ran too recently to run another.</summary>
    Task RefreshAsync(CancellationToken cancellationToken);
}
