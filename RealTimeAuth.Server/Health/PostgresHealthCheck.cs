using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using RealTimeAuth.Server.Data;

namespace RealTimeAuth.Server.Health;

/// <summary>Healthy when PostgreSQL answers a query on the server's database.</summary>
internal sealed class PostgresHealthCheck(IServiceScopeFactory scopeFactory) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var scope = scopeFactory.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<RtaDbContext>();
            var answer = await db.Database.SqlQuery<int>($"SELECT 1 AS \"Value\"").SingleAsync(cancellationToken);
            return answer == 1
                ? HealthCheckResult.Healthy("PostgreSQL answered.")
                : HealthCheckResult.Unhealthy("PostgreSQL gave an unexpected answer.");
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy($"PostgreSQL is unreachable: {exception.GetType().Name}.");
        }
    }
}
