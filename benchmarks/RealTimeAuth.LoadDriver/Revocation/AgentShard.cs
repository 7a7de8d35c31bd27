using RealTimeAuth.Sdk;
using RealTimeAuth.Testing.Hosting;

namespace RealTimeAuth.LoadDriver.Revocation;

/// <summary>
/// One gRPC channel's worth of live streams: an SDK factory (so its own channel and HTTP/2 connection), a co-pilot
/// session exchanged from the user's IdP token on it, and the agents that co-pilot delegates to with
/// <see cref="RtaClient.CreateChildAsync"/>, which always connects them through the parent's factory.
/// </summary>
internal sealed class AgentShard(RtaClientFactory factory, AgentProbe copilot) : IAsyncDisposable
{
    public static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(60);

    public static readonly string[] CopilotScopes = ["records:read", "todos:read"];

    private static readonly string[] AgentScopes = ["records:read"];

    public AgentProbe Copilot => copilot;

    /// <summary>A new delegated agent session, returned once its live stream is connected.</summary>
    public async Task<AgentProbe> DelegateAsync(string name, CancellationToken cancellationToken)
    {
        var agent = await ExchangeRetry.RunAsync(() => copilot.Client.CreateChildAsync(Identity(name, "agent"), AgentScopes, cancellationToken), cancellationToken);
        var probe = new AgentProbe(agent);
        try
        {
            await probe.WaitForStateAsync(RtaConnectionState.Connected, ConnectTimeout);
            return probe;
        }
        catch
        {
            await CloseAsync(probe);
            throw;
        }
    }

    public static RtaAgentIdentity Identity(string name, string kind) =>
        new() { Id = $"{name}-{Guid.NewGuid():N}", Name = name, Kind = kind, Software = "rta-load-driver/1.0" };

    /// <summary>Stops watching the agent and closes its stream (its session stays as it is on the server).</summary>
    public static async Task CloseAsync(AgentProbe probe)
    {
        probe.Dispose();
        await probe.Client.DisposeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await CloseAsync(copilot);
        factory.Dispose();
    }
}
