using System.Diagnostics;
using RealTimeAuth.LoadDriver.Hosting;
using RealTimeAuth.LoadDriver.Reporting;
using RealTimeAuth.Sdk;
using RealTimeAuth.Testing;
using RealTimeAuth.Testing.Hosting;

namespace RealTimeAuth.LoadDriver.Faults;

/// <summary>
/// What a fault run kills, owned by this run alone: its own redis-server and PostgreSQL cluster (durable, so a crash
/// keeps every commit), the dev IdP in this process, and server replicas in child processes on a fresh database, on
/// loopback only. Killing any of them cannot hurt anything else running on the machine.
/// </summary>
internal sealed class FaultEnvironment : IAsyncDisposable
{
    private readonly DevIdentityProvider _idp = new();
    private readonly List<ServerProcess> _replicas = [];
    private OwnedRedis? _redis;
    private OwnedPostgres? _postgres;
    private ServerCluster? _cluster;

    private FaultEnvironment()
    {
    }

    public OwnedRedis Redis => _redis ?? throw NotStarted();

    public OwnedPostgres Postgres => _postgres ?? throw NotStarted();

    public ServerCluster Cluster => _cluster ?? throw NotStarted();

    public IReadOnlyList<ServerProcess> Replicas => _replicas;

    public string UserToken { get; private set; } = string.Empty;

    public string AdminToken { get; private set; } = string.Empty;

    /// <summary>Starts the dependencies and <paramref name="replicas"/> replicas with <paramref name="settings"/>.</summary>
    public static async Task<FaultEnvironment> StartAsync(
        string name, int replicas, IReadOnlyDictionary<string, string?> settings, CancellationToken cancellationToken)
    {
        var environment = new FaultEnvironment();
        try
        {
            Progress.Write("Starting this run's own redis-server and PostgreSQL, and the dev IdP…");
            // The IdP first and alone: on a machine shared with other runs its bounded start timed out while the
            // database servers started beside it.
            await environment._idp.StartAsync().WaitAsync(HostingTimeouts.Startup * 2, cancellationToken);
            var redis = OwnedRedis.StartAsync();
            var postgres = OwnedPostgres.StartAsync();
            try
            {
                await Task.WhenAll(redis, postgres).WaitAsync(HostingTimeouts.Startup * 2, cancellationToken);
            }
            finally
            {
                // Whichever started is disposed with the environment, even when another did not.
                environment._redis = redis.IsCompletedSuccessfully ? redis.Result : null;
                environment._postgres = postgres.IsCompletedSuccessfully ? postgres.Result : null;
            }
            var database = await environment.Postgres.CreateDatabaseAsync(name);
            environment._cluster = ServerCluster.Create(database, environment.Redis.ConnectionString, environment._idp, settings);
            for (var index = 0; index < replicas; index++)
            {
                var replica = await ServerProcess.StartAsync(environment.Cluster.ReplicaSettings(), cancellationToken);
                environment._replicas.Add(replica);
                Progress.Write($"Replica {index} (pid {replica.ProcessId}) ready: HTTP {replica.BaseAddress}, gRPC {replica.GrpcAddress}.");
            }

            environment.UserToken = await environment._idp.UserAccessTokenAsync(cancellationToken);
            environment.AdminToken = await environment._idp.AdminAccessTokenAsync(cancellationToken);
            return environment;
        }
        catch
        {
            await environment.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// A co-pilot's SDK factory on <paramref name="replica"/> with the SDK's default reconnect backoff, and the other
    /// replicas' live channels as <paramref name="fallbacks"/> when given.
    /// </summary>
    public RtaClientFactory CopilotFactory(ServerProcess replica, IReadOnlyList<Uri>? fallbacks = null) => new(new RtaClientOptions
    {
        ServerAddress = replica.BaseAddress,
        ClientId = ServerCluster.CopilotClientId,
        ClientSecret = Cluster.CopilotSecret,
        Agent = Agents.Identity("copilot", "copilot"),
        AllowInsecureHttp = true,
        LiveChannelFallbackAddresses = [.. fallbacks ?? []],
    });

    /// <summary>A plain HTTP client on <paramref name="replica"/>; keep it for many calls so they share a connection.</summary>
    public static HttpClient CreateHttpClient(ServerProcess replica) => new() { BaseAddress = replica.BaseAddress, Timeout = HostingTimeouts.Request };

    /// <summary>Ends <paramref name="replica"/>'s process with SIGKILL: no shutdown, no goodbye to its clients.</summary>
    public static void Kill(ServerProcess replica)
    {
        using var process = Process.GetProcessById(replica.ProcessId);
        process.Kill(entireProcessTree: false);
        process.WaitForExit(TimeSpan.FromSeconds(15));
    }

    public async ValueTask DisposeAsync()
    {
        for (var index = _replicas.Count - 1; index >= 0; index--)
        {
            await _replicas[index].DisposeAsync();
        }

        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }

        await _idp.DisposeAsync();
        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }

        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
    }

    private static InvalidOperationException NotStarted() => new("The fault environment has not started.");
}
