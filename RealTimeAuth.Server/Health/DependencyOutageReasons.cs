namespace RealTimeAuth.Server.Health;

/// <summary>Stable reason codes of a request refused because a dependency is down (ADR 0021): 503 with <c>Retry-After</c>.</summary>
public static class DependencyOutageReasons
{
    /// <summary>PostgreSQL could not be reached, or dropped the connection, while the request needed it.</summary>
    public const string DatabaseUnavailable = "database-unavailable";

    /// <summary>Redis could not be reached while the request needed it.</summary>
    public const string RedisUnavailable = "redis-unavailable";
}
