namespace RealTimeAuth.AppHost.Infrastructure;

/// <summary>
/// The Redis and PostgreSQL connection strings services reference, and the resources they
/// must wait for (those that have health checks; a bare connection string has nothing to wait for).
/// </summary>
public sealed record InfrastructureResources(
    InfrastructureMode Mode,
    IResourceBuilder<IResourceWithConnectionString> Redis,
    IResourceBuilder<IResourceWithConnectionString> Database,
    IReadOnlyList<IResourceBuilder<IResource>> WaitTargets);
