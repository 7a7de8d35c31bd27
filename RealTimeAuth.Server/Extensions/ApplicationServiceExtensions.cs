using RealTimeAuth.Server.Admin;
using RealTimeAuth.Server.Auth;
using RealTimeAuth.Server.Authorization;
using RealTimeAuth.Server.AuthZen;
using RealTimeAuth.Server.Data;
using RealTimeAuth.Server.Events;
using RealTimeAuth.Server.Exchange;
using RealTimeAuth.Server.Health;
using RealTimeAuth.Server.Keys;
using RealTimeAuth.Server.Limits;
using RealTimeAuth.Server.Live;
using RealTimeAuth.Server.Sessions;
using RealTimeAuth.Server.SharedSignals;
using RealTimeAuth.Server.Telemetry;
using RealTimeAuth.ServiceDefaults;
using StackExchange.Redis;

namespace RealTimeAuth.Server.Extensions;

/// <summary>The composition root: infrastructure, then every module from the bottom of the layering up (docs/architecture.md).</summary>
public static class ApplicationServiceExtensions
{
    public static IHostApplicationBuilder AddApplicationServices(this IHostApplicationBuilder builder)
    {
        RequireConnectionString(builder.Configuration, ResourceNames.Database, "PostgreSQL");
        RequireConnectionString(builder.Configuration, ResourceNames.Redis, "Redis");

        // Aspire's own checks are replaced by named ones so /health reads "postgresql" and "redis".
        // No retrying execution strategy: state changes run in explicit transactions holding the
        // event-log lock, and the callers (exchange, synchronizer, rotation) decide when to retry.
        builder.AddNpgsqlDbContext<RtaDbContext>(ResourceNames.Database, settings =>
        {
            settings.DisableHealthChecks = true;
            settings.DisableRetry = true;
        });
        // Fail fast while Redis is down (ADR 0021): the default backlog holds each command for the client's timeout, which
        // held every exchange 5 s before its 503, and hints and announcements are worth nothing late; the log poll covers them.
        builder.AddRedisClient(
            ResourceNames.Redis, settings => settings.DisableHealthChecks = true, options => options.BacklogPolicy = BacklogPolicy.FailFast);
        builder.Services.AddSingleton<DatabaseMigrationState>();
        builder.Services.AddHostedService<DatabaseMigrator>();
        if (!builder.Services.Any(descriptor => descriptor.ServiceType == typeof(TimeProvider)))
        {
            builder.Services.AddSingleton(TimeProvider.System);
        }

        builder.Services.AddSingleton<RtaServerTelemetry>();
        builder.Services.AddHealthChecks()
            .AddCheck<PostgresHealthCheck>("postgresql", tags: ["ready", "postgresql"])
            .AddCheck<RedisHealthCheck>("redis", tags: ["ready", "redis"])
            .AddCheck<DatabaseMigrationHealthCheck>("migrations", tags: ["ready"])
            .AddCheck<ReplicaHealthCheck>("replica", tags: ["ready"]);

        // Observers of the event log are called in registration order: keys before sessions, so a token pushed for an
        // entry is signed with a key the same batch activated.
        builder.AddAuth();
        builder.AddLimits();
        builder.AddEvents();
        builder.AddKeys();
        builder.AddSessions();
        builder.AddAuthorizationModule();
        builder.AddExchange();
        builder.AddSharedSignals();
        builder.AddAdmin();
        builder.AddLive();
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
