using RealTimeAuth.LoadDriver.Revocation;

namespace RealTimeAuth.LoadDriver.Replicas;

/// <summary>One single-session revocation issued on replica 0.</summary>
/// <param name="Replica">The replica holding the revoked agent's stream.</param>
/// <param name="Revocation">Its timestamps.</param>
/// <param name="Cpu">CPU time of all replicas together from just before the call to the agent's Revoked event.</param>
internal sealed record ReplicaSample(int Replica, RevocationSample Revocation, TimeSpan Cpu)
{
    /// <summary>The agent's stream is on the replica that made the revocation.</summary>
    public bool SameReplica => Replica == 0;
}
