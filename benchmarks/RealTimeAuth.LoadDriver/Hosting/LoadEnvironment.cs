using RealTimeAuth.LoadDriver.Reporting;
using RealTimeAuth.Sdk;
using RealTimeAuth.Testing;
using RealTimeAuth.Testing.Hosting;

namespace RealTimeAuth.LoadDriver.Hosting;

/// <summary>
/// Everything a run needs, on loopback only: throwaway PostgreSQL and Redis, the dev IdP in this process (it serves
/// the two sign-ins and the admin API's token metadata, and is idle while measuring), one server replica in a child
/// process on a fresh database, and a signed-in user and admin.
/// </summary>
internal sealed class LoadEnvironment : IAsyncDisposable
{
    private readonly InfrastructureFixture _infrastructure = new(new ConsoleMessageSink());
    private readonly DevIdentityProvider _idp = new();
    private ServerCluster? _cluster;
    private ServerProcess? _server;

    private LoadEnvironment()
    {
    }

    public ServerCluster Cluster => _cluster ?? throw NotStarted();

    public ServerProcess Server => _server ?? throw NotStarted();

    /// <summary>The demo user's IdP access token (signed in once, through the portal client).</summary>
    public string UserToken { get; private set; } = string.Empty;

    /// <summary>An admin's access token for the admin API.</summary>
    public string AdminToken { get; private set; } = string.Empty;

    /// <summary>The dev IdP's issuer, as the server stores it for the demo user's sessions.</summary>
    public string Issuer => _idp.Issuer;

    /// <summary>Starts everything; <paramref name="serverSettings"/> may name a settings factory given the IdP's issuer.</summary>
    public static async Task<LoadEnvironment> StartAsync(CancellationToken cancellationToken, Func<string, IReadOnlyDictionary<string, string?>>? serverSettings = null)
    {
        var environment = new LoadEnvironment();
        try
        {
            await environment.InitializeAsync(cancellationToken, serverSettings);
            return environment;
        }
        catch
        {
            await environment.DisposeAsync();
            throw;
        }
    }

    /// <summary>A co-pilot's SDK factory on the server: its own exchange client and its own gRPC channel.</summary>
    public RtaClientFactory CreateCopilotFactory() =>
        Agents.Factory(Server.BaseAddress, ServerCluster.CopilotClientId, Cluster.CopilotSecret, "copilot", keepKeys: false);

    /// <summary>A plain HTTP client on the server's HTTP endpoint; keep it for many calls so they share a connection.</summary>
    public HttpClient CreateHttpClient() => new() { BaseAddress = Server.BaseAddress, Timeout = HostingTimeouts.Request };

    public async ValueTask DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }

        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }

        await _idp.DisposeAsync();
        await _infrastructure.DisposeAsync();
    }

    private async Task InitializeAsync(CancellationToken cancellationToken, Func<string, IReadOnlyDictionary<string, string?>>? serverSettings)
    {
        Progress.Write("Starting throwaway PostgreSQL and Redis, and the dev IdP…");
        await Task.WhenAll(_infrastructure.InitializeAsync(), _idp.StartAsync()).WaitAsync(HostingTimeouts.Startup * 2, cancellationToken);
        _cluster = await ServerCluster.CreateAsync(_infrastructure, _idp, "load", serverSettings?.Invoke(_idp.Issuer));
        Progress.Write("Starting the server replica in a child process…");
        _server = await ServerProcess.StartAsync(_cluster.ReplicaSettings(), cancellationToken);
        Progress.Write($"Server (pid {_server.ProcessId}) ready: HTTP {_server.BaseAddress}, gRPC {_server.GrpcAddress}.");
        UserToken = await _idp.UserAccessTokenAsync(cancellationToken);
        AdminToken = await _idp.AdminAccessTokenAsync(cancellationToken);
    }

    private static InvalidOperationException NotStarted() => new("The load environment has not started.");
}
