using System.Diagnostics;

namespace RealTimeAuth.LoadDriver.Revocation;

/// <summary>One revocation, timed by <see cref="Stopwatch"/> timestamps in this process.</summary>
/// <param name="Agents">Agents connected when it was made.</param>
/// <param name="Index">Its place in the phase.</param>
/// <param name="Started">t0: just before the admin API call.</param>
/// <param name="Returned">t1: when the call returned.</param>
/// <param name="Raised">t2: when the agent's SDK raised its Revoked event; null when it did not within the push timeout.</param>
/// <param name="OnStream">The event came from a push on the live stream carrying the revoke call's event sequence.</param>
/// <param name="CommitToEventMs">
/// From the revocation's event time (written by the server in the revoking transaction) to the SDK receiving the push,
/// by the wall clock both processes share; the event time has 1 ms resolution.
/// </param>
internal sealed record RevocationSample(int Agents, int Index, long Started, long Returned, long? Raised, bool OnStream, double? CommitToEventMs)
{
    /// <summary>t1 − t0: the admin API call.</summary>
    public double CallMs => Stopwatch.GetElapsedTime(Started, Returned).TotalMilliseconds;

    /// <summary>t2 − t1, negative when the event came before the call returned.</summary>
    public double? AfterReturnMs => Raised is { } raised ? Stopwatch.GetElapsedTime(Returned, raised).TotalMilliseconds : null;

    /// <summary>t2 − t0.</summary>
    public double? AfterStartMs => Raised is { } raised ? Stopwatch.GetElapsedTime(Started, raised).TotalMilliseconds : null;
}
