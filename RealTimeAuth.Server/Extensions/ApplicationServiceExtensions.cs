using RealTimeAuth.Server.Admin.Monitoring;
using RealTimeAuth.Server.Data;
using RealTimeAuth.Server.Health;

namespace RealTimeAuth.Server.Extensions;

public static class ApplicationServiceExtensions
{
    /// <summary>Connection string names, matching the Aspire resource names.</summary>
    public const string DatabaseConnectionName = "rtadb";
    public const string RedisConnectionName = "redis";

    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        RequireConnectionString(builder.Configuration, DatabaseConnectionName, "PostgreSQL");
        RequireConnectionString(builder.Configuration, RedisConnectionName, "Redis");

        // Aspire's own checks are replaced by named ones so /health reads "postgresql" and "redis".
        // No retrying execution strategy: state changes run in explicit transactions holding the
        // event-log lock, and the callers (exchange, synchronizer, rotation) decide when to retry.
        builder.AddNpgsqlDbContext<RtaDbContext>(DatabaseConnectionName, settings =>
        {
            settings.DisableHealthChecks = true;
            settings.DisableRetry = true;
        });
        builder.AddRedisClient(RedisConnectionName, settings => settings.DisableHealthChecks = true);

        builder.Services.AddSingleton<DatabaseMigrationState>();
        builder.Services.AddHostedService<DatabaseMigrator>();
        builder.Services.AddHealthChecks()
            .AddCheck<PostgresHealthCheck>("postgresql", tags: ["ready", "postgresql"])
            .AddCheck<RedisHealthCheck>("redis", tags: ["ready", "redis"])
            .AddCheck<DatabaseMigrationHealthCheck>("migrations", tags: ["ready"]);

        builder.AddSessionCore();
        builder.AddPolicyStore();
        builder.AddTokenExchange();
        builder.AddAdminApi();
        builder.AddAdminMonitoring();
        builder.AddSharedSignals();
        builder.AddLiveChannel();
        builder.AddAuthZen();

        return builder;
    }

    private static void RequireConnectionString(IConfiguration configuration, string name, string what)
    {
        if (string.IsNullOrWhiteSpace(configuration.GetConnectionString(name)))
        {
            throw new InvalidOperationException(
                $"No {what} connection string. Set 'ConnectionStrings:{name}' (run through RealTimeAuth.AppHost, or set the environment variable ConnectionStrings__{name}).");
        }
    }
}
