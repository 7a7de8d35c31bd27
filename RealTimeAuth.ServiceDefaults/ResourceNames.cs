namespace RealTimeAuth.ServiceDefaults;

/// <summary>
/// The names the app host gives its resources, parameters and endpoints. Services find each other by them
/// (<c>https+http://server</c>, <c>services:devidp:http:0</c>) and their connection strings (<c>ConnectionStrings:rtadb</c>),
/// and tests address the app host's resources by them, so each name is written once, here.
/// </summary>
public static class ResourceNames
{
    /// <summary>The Redis connection string.</summary>
    public const string Redis = "redis";

    /// <summary>The PostgreSQL database (and its connection string) that is the server's source of truth.</summary>
    public const string Database = "rtadb";

    public const string Server = "server";

    public const string Admin = "admin";

    public const string DevIdp = "devidp";

    public const string Simulator = "agent-simulator";

    /// <summary>Redis when the app host runs it as a local <c>redis-server</c> process.</summary>
    public const string RedisServer = "redis-server";

    /// <summary>The PostgreSQL server that holds <see cref="Database"/>, as a container or a local process.</summary>
    public const string Postgres = "postgres";

    /// <summary>The superuser password of a local PostgreSQL process, generated per run.</summary>
    public const string PostgresPassword = "postgres-password";

    /// <summary>Wraps the server's private signing keys at rest.</summary>
    public const string SigningKeyEncryptionKey = "signing-key-encryption-key";

    /// <summary>The co-pilot's client secret at the server's token endpoint.</summary>
    public const string CopilotClientSecret = "copilot-client-secret";

    /// <summary>The agents' client secret at the server's token endpoint.</summary>
    public const string AgentClientSecret = "agent-client-secret";

    /// <summary>The admin console's client secret at the dev IdP.</summary>
    public const string AdminConsoleClientSecret = "admin-console-client-secret";

    /// <summary>The server's client secret at the dev IdP, for managing its Shared Signals stream.</summary>
    public const string RtaServerClientSecret = "rta-server-client-secret";

    /// <summary>The plain HTTP endpoint every project resource has (from its launch profile).</summary>
    public const string HttpEndpoint = "http";

    /// <summary>The server's HTTP/2-only endpoint for the live gRPC channel; also the name of its Kestrel endpoint.</summary>
    public const string GrpcEndpoint = "grpc";

    /// <summary>The endpoint of a local Redis or PostgreSQL process.</summary>
    public const string TcpEndpoint = "tcp";
}
