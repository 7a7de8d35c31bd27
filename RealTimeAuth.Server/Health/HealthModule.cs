namespace RealTimeAuth.Server.Health;

/// <summary>How the server behaves when PostgreSQL or Redis is down (ADR 0021).</summary>
public static class HealthModule
{
    /// <summary>First in the pipeline, so a dependency outage in any endpoint is a 503 in that endpoint's error shape.</summary>
    public static IApplicationBuilder UseDependencyOutages(this IApplicationBuilder app) => app.UseMiddleware<DependencyOutageMiddleware>();
}
