namespace RealTimeAuth.AppHost.Infrastructure;

/// <summary>How the app host provides Redis and PostgreSQL (configuration key <c>Infrastructure:Mode</c>).</summary>
public enum InfrastructureMode
{
    /// <summary>Existing servers when connection strings are set, else containers when a runtime answers, else local processes.</summary>
    Auto,

    /// <summary>Redis and PostgreSQL containers (needs Docker or Podman).</summary>
    Containers,

    /// <summary><c>redis-server</c> and PostgreSQL started as local processes with throwaway data.</summary>
    LocalProcesses,

    /// <summary>Existing servers from <c>ConnectionStrings:redis</c> and <c>ConnectionStrings:rtadb</c>.</summary>
    ConnectionStrings,
}
