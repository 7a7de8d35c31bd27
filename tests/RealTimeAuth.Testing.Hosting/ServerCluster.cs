using System.Security.Cryptography;
using Npgsql;
using RealTimeAuth.ServiceDefaults;

namespace RealTimeAuth.Testing.Hosting;

/// <summary>
/// RTA server replicas that share one fresh PostgreSQL database, the Redis server and the signing key
/// encryption secret, and trust the dev IdP. Each replica is its own in-process host on its own ports.
/// </summary>
public sealed class ServerCluster : IAsyncDisposable
{
    public const string CopilotClientId = "copilot";
    public const string AgentClientId = "agent";

    /// <summary>The RTA scopes the dev IdP's scope <c>rta</c> grants (<c>Exchange:TrustedIssuers:0:ScopeMap</c>).</summary>
    public static readonly IReadOnlyList<string> RtaScopes =
        ["policies:read", "compliance:read", "records:read", "records:write", "todos:read", "todos:write"];

    private readonly List<ServerHost> _replicas = [];
    private readonly DevIdentityProvider _idp;
    private readonly IReadOnlyDictionary<string, string?> _settings;

    private ServerCluster(string databaseConnectionString, string redisConnectionString, DevIdentityProvider idp, IReadOnlyDictionary<string, string?>? settings)
    {
        DatabaseConnectionString = databaseConnectionString;
        RedisConnectionString = redisConnectionString;
        _idp = idp;
        _settings = settings ?? new Dictionary<string, string?>();
    }

    public string DatabaseConnectionString { get; }

    public string RedisConnectionString { get; }

    /// <summary>Shared by all replicas: they read each other's signing keys from the database.</summary>
    public string EncryptionKey { get; } = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>The secret of the exchange client <c>copilot</c>.</summary>
    public string CopilotSecret { get; } = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));

    /// <summary>The secret of the exchange client <c>agent</c>.</summary>
    public string AgentSecret { get; } = Convert.ToHexString(RandomNumberGenerator.GetBytes(24));

    public string Issuer => _idp.Issuer;

    public IReadOnlyList<ServerHost> Replicas => _replicas;

    /// <summary>A cluster on a fresh database; <paramref name="settings"/> apply to every replica.</summary>
    public static async Task<ServerCluster> CreateAsync(
        InfrastructureFixture infrastructure, DevIdentityProvider idp, string name, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var database = await infrastructure.CreateDatabaseAsync(name).WaitAsync(HostingTimeouts.Startup);
        return new ServerCluster(database, infrastructure.RedisConnectionString, idp, settings);
    }

    /// <summary>
    /// A cluster on servers the caller owns (an <see cref="OwnedPostgres"/> database, an <see cref="OwnedRedis"/>), for a test
    /// that kills them; <paramref name="settings"/> apply to every replica.
    /// </summary>
    public static ServerCluster Create(
        string databaseConnectionString, string redisConnectionString, DevIdentityProvider idp, IReadOnlyDictionary<string, string?>? settings = null) =>
        new(databaseConnectionString, redisConnectionString, idp, settings);

    /// <summary>Starts one more replica and waits until it is ready; <paramref name="clock"/> gives it a clock of its own.</summary>
    public async Task<ServerHost> StartReplicaAsync(IReadOnlyDictionary<string, string?>? settings = null, TimeProvider? clock = null)
    {
        var name = ((char)('A' + _replicas.Count)).ToString();
        var host = await LoopbackPort.StartWithRetryAsync(() => new ServerHost(name, ReplicaSettings(settings), clock), host => host.StartAsync());
        _replicas.Add(host);
        return host;
    }

    /// <summary>Rows in the <c>sessions</c> table, read straight from PostgreSQL.</summary>
    public async Task<long> CountSessionsAsync(CancellationToken cancellationToken) =>
        (long)(await ScalarAsync("SELECT count(*) FROM sessions", cancellationToken))!;

    /// <summary>The first column of the first row of <paramref name="sql"/>, run straight on the server's database.</summary>
    public async Task<object?> ScalarAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(DatabaseConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync(cancellationToken);
    }

    /// <summary>Runs <paramref name="sql"/> straight on the server's database; returns the rows it affected.</summary>
    public async Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(DatabaseConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        for (var index = _replicas.Count - 1; index >= 0; index--)
        {
            await _replicas[index].DisposeAsync();
        }

        _replicas.Clear();
    }

    /// <summary>
    /// The configuration a replica of this cluster starts with: the shared database, Redis, secrets and trusted issuer,
    /// then the cluster's settings, then <paramref name="replicaSettings"/>. For a replica hosted in another process.
    /// </summary>
    public IReadOnlyDictionary<string, string?> ReplicaSettings(IReadOnlyDictionary<string, string?>? replicaSettings = null)
    {
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Logging:LogLevel:Default"] = "Warning",
            [$"ConnectionStrings:{ResourceNames.Database}"] = DatabaseConnectionString,
            [$"ConnectionStrings:{ResourceNames.Redis}"] = RedisConnectionString,
            ["SigningKeys:EncryptionKey"] = EncryptionKey,
            [$"Exchange:Clients:{CopilotClientId}:Secret"] = CopilotSecret,
            [$"Exchange:Clients:{AgentClientId}:Secret"] = AgentSecret,
            ["Exchange:TrustedIssuers:0:Issuer"] = Issuer,
            ["Exchange:TrustedIssuers:0:Audience"] = DemoAccounts.RtaServerAudience,
            ["Exchange:TrustedIssuers:0:Validation"] = "Jwt",
            ["Exchange:TrustedIssuers:0:RequireHttpsMetadata"] = "false",
            ["Admin:Authority"] = Issuer,
            ["Admin:Audience"] = DemoAccounts.AdminApiAudience,
            ["Admin:RequireHttpsMetadata"] = "false",
        };
        for (var index = 0; index < RtaScopes.Count; index++)
        {
            settings[$"Exchange:TrustedIssuers:0:ScopeMap:rta:{index}"] = RtaScopes[index];
        }

        foreach (var (key, value) in _settings.Concat(replicaSettings ?? new Dictionary<string, string?>()))
        {
            settings[key] = value;
        }

        return settings;
    }
}
