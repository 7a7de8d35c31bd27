using RealTimeAuth.Testing;
using RealTimeAuth.Testing.Hosting;

namespace RealTimeAuth.Fuzz.Tests.Http;

/// <summary>One real server (Kestrel, PostgreSQL, Redis) trusting the dev IdP, with a PEP API key, for the HTTP pass.</summary>
public sealed class FuzzServerFixture(InfrastructureFixture infrastructure) : IAsyncLifetime
{
    public const string ApiKey = "fuzz-pep-key-0123456789abcdef";

    private readonly DevIdentityProvider _idp = new();
    private ServerCluster? _cluster;

    public ServerCluster Cluster => _cluster ?? throw new InvalidOperationException("The server has not started.");

    public ServerHost Server => Cluster.Replicas[0];

    public async Task InitializeAsync()
    {
        await _idp.StartAsync();
        _cluster = await ServerCluster.CreateAsync(infrastructure, _idp, "fuzz_http", new Dictionary<string, string?> { ["AuthZen:ApiKeys:0"] = ApiKey });
        await _cluster.StartReplicaAsync();
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }

        await _idp.DisposeAsync();
    }
}
