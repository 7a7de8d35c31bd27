using Microsoft.Extensions.Diagnostics.HealthChecks;
using RealTimeAuth.Protocol.Keys;
using RealTimeAuth.Server.Events;

namespace RealTimeAuth.Server.Health;

/// <summary>Healthy when this replica is current with the event log and holds a signing key.</summary>
internal sealed class ReplicaHealthCheck(IReplicaCurrency replica, RtaKeyRing keys) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var result = (replica.IsCurrent, keys.ActiveKeyId) switch
        {
            (true, not null) => HealthCheckResult.Healthy($"Current up to event {replica.LastAppliedSequence}."),
            (false, _) when replica.LastAppliedSequence == 0 => HealthCheckResult.Degraded("Loading sessions from the event log."),
            (false, _) => HealthCheckResult.Unhealthy("Cannot prove it is current with the event log; refusing decisions."),
            (true, null) => HealthCheckResult.Degraded("Waiting for a signing key."),
        };
        return Task.FromResult(result);
    }
}
