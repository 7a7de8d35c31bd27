using Microsoft.Extensions.Diagnostics.HealthChecks;
using RealTimeAuth.Server.Data;

namespace RealTimeAuth.Server.Health;

/// <summary>Degraded while migrations run, Unhealthy if they failed, Healthy once the schema is current.</summary>
internal sealed class DatabaseMigrationHealthCheck(DatabaseMigrationState state) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var result = state switch
        {
            { IsComplete: true } => HealthCheckResult.Healthy("Schema is current."),
            { Failure: not null } => HealthCheckResult.Unhealthy("Migration failed; see the server log."),
            _ => HealthCheckResult.Degraded("Migrations are being applied."),
        };
        return Task.FromResult(result);
    }
}
