using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using RealTimeAuth.ServiceDefaults;

namespace RealTimeAuth.AppHost.Infrastructure;

/// <summary>
/// Redis and PostgreSQL as plain local processes, for machines without a container runtime.
/// Each executable carries a health check, so services that wait for it start only once it answers.
/// </summary>
internal static class LocalProcessInfrastructure
{
    public static InfrastructureResources Add(IDistributedApplicationBuilder builder)
    {
        var (redisServer, redis) = AddRedis(builder);
        var (postgres, database) = AddPostgres(builder);
        return new InfrastructureResources(
            InfrastructureMode.LocalProcesses, redis, database, [redisServer, postgres]);
    }

    private static (IResourceBuilder<IResource>, IResourceBuilder<IResourceWithConnectionString>) AddRedis(IDistributedApplicationBuilder builder)
    {
        var executable = BinaryLocator.RequireRedisServer();
        var port = FreePort.Next();
        var connectionString = $"127.0.0.1:{port}";
        const string healthCheck = "redis-server-ready";
        builder.Services.AddHealthChecks().AddRedis(connectionString, name: healthCheck);

        var process = builder.AddExecutable(ResourceNames.RedisServer, executable, Path.GetTempPath(),
                "--port", Format(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--protected-mode", "yes")
            .WithEndpoint(name: ResourceNames.TcpEndpoint, port: port, targetPort: port, scheme: "tcp", isProxied: false)
            .WithHealthCheck(healthCheck);
        var redis = builder.AddConnectionString(
            ResourceNames.Redis, ReferenceExpression.Create($"{connectionString}"));
        return ((IResourceBuilder<IResource>)process, redis);
    }

    private static (IResourceBuilder<IResource>, IResourceBuilder<IResourceWithConnectionString>) AddPostgres(IDistributedApplicationBuilder builder)
    {
        var cluster = LocalPostgresCluster.Create();
        var port = FreePort.Next();
        var password = builder.AddParameter(ResourceNames.PostgresPassword, cluster.Password, secret: true);
        var serverConnection = $"Host=127.0.0.1;Port={Format(port)};Username=postgres;Password={cluster.Password};Database=postgres";
        const string healthCheck = "postgres-ready";
        builder.Services.AddHealthChecks().AddNpgSql(serverConnection, name: healthCheck);

        var (command, arguments) = cluster.ServerCommand(port);
        var process = builder.AddExecutable(ResourceNames.Postgres, command, Path.GetTempPath(), arguments)
            .WithEndpoint(name: ResourceNames.TcpEndpoint, port: port, targetPort: port, scheme: "tcp", isProxied: false)
            .WithHealthCheck(healthCheck);
        var database = builder.AddConnectionString(
            ResourceNames.Database,
            ReferenceExpression.Create(
                $"Host=127.0.0.1;Port={Format(port)};Username=postgres;Password={password};Database={ResourceNames.Database}"));
        return ((IResourceBuilder<IResource>)process, database);
    }

    private static string Format(int port) => port.ToString(CultureInfo.InvariantCulture);
}
