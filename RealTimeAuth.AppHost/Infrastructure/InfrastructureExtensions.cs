using Microsoft.Extensions.Configuration;
using RealTimeAuth.ServiceDefaults;

namespace RealTimeAuth.AppHost.Infrastructure;

public static class InfrastructureExtensions
{
    /// <summary>Adds Redis and PostgreSQL in the mode configuration selects, and says which it picked.</summary>
    public static InfrastructureResources AddInfrastructure(this IDistributedApplicationBuilder builder)
    {
        var requested = builder.Configuration.GetValue("Infrastructure:Mode", InfrastructureMode.Auto);
        var mode = requested == InfrastructureMode.Auto ? ChooseMode(builder.Configuration) : requested;
        Console.WriteLine($"RealTimeAuth infrastructure: {mode} (Infrastructure:Mode={requested}).");

        return mode switch
        {
            InfrastructureMode.Containers => AddContainers(builder),
            InfrastructureMode.LocalProcesses => LocalProcessInfrastructure.Add(builder),
            InfrastructureMode.ConnectionStrings => AddConnectionStrings(builder),
            _ => throw new InvalidOperationException($"Unknown Infrastructure:Mode '{requested}'."),
        };
    }

    /// <summary>References Redis and PostgreSQL and waits until both are ready.</summary>
    public static IResourceBuilder<T> WithInfrastructure<T>(this IResourceBuilder<T> resource, InfrastructureResources infrastructure)
        where T : IResourceWithEnvironment, IResourceWithWaitSupport
    {
        resource.WithReference(infrastructure.Redis).WithReference(infrastructure.Database);
        foreach (var target in infrastructure.WaitTargets)
        {
            resource.WaitFor(target);
        }

        return resource;
    }

    private static InfrastructureMode ChooseMode(IConfiguration configuration)
    {
        if (!string.IsNullOrWhiteSpace(configuration.GetConnectionString(ResourceNames.Redis))
            && !string.IsNullOrWhiteSpace(configuration.GetConnectionString(ResourceNames.Database)))
        {
            return InfrastructureMode.ConnectionStrings;
        }

        return ContainerRuntimeProbe.IsAvailable() ? InfrastructureMode.Containers : InfrastructureMode.LocalProcesses;
    }

    private static InfrastructureResources AddContainers(IDistributedApplicationBuilder builder)
    {
        var redis = builder.AddRedis(ResourceNames.Redis);
        var postgres = builder.AddPostgres(ResourceNames.Postgres);
        var database = postgres.AddDatabase(ResourceNames.Database);
        return new InfrastructureResources(
            InfrastructureMode.Containers,
            redis.AsConnectionString(),
            database.AsConnectionString(),
            [redis.AsResource(), database.AsResource()]);
    }

    private static InfrastructureResources AddConnectionStrings(IDistributedApplicationBuilder builder)
    {
        foreach (var name in new[] { ResourceNames.Redis, ResourceNames.Database })
        {
            if (string.IsNullOrWhiteSpace(builder.Configuration.GetConnectionString(name)))
            {
                throw new InvalidOperationException(
                    $"Infrastructure:Mode is ConnectionStrings but 'ConnectionStrings:{name}' is not set.");
            }
        }

        return new InfrastructureResources(
            InfrastructureMode.ConnectionStrings,
            builder.AddConnectionString(ResourceNames.Redis),
            builder.AddConnectionString(ResourceNames.Database),
            []);
    }

    private static IResourceBuilder<IResourceWithConnectionString> AsConnectionString<T>(this IResourceBuilder<T> resource)
        where T : IResourceWithConnectionString =>
        (IResourceBuilder<IResourceWithConnectionString>)resource;

    private static IResourceBuilder<IResource> AsResource<T>(this IResourceBuilder<T> resource)
        where T : IResource =>
        (IResourceBuilder<IResource>)resource;
}
