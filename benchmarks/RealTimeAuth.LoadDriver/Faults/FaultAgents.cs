using RealTimeAuth.LoadDriver.Revocation;
using RealTimeAuth.Sdk;
using RealTimeAuth.Testing.Hosting;

namespace RealTimeAuth.LoadDriver.Faults;

/// <summary>
/// Agents of the demo user connected to one replica: co-pilots on channels of their own (one factory each), each
/// delegating to up to <see cref="AgentsPerCopilot"/> agents, every one watched.
/// </summary>
internal sealed class FaultAgents : IAsyncDisposable
{
    public const int AgentsPerCopilot = 99;

    private const int ConnectParallelism = 8;

    private readonly List<AgentShard> _shards = [];
    private readonly List<WatchedAgent> _agents = [];
    private readonly List<WatchedAgent> _copilots = [];

    public IReadOnlyList<WatchedAgent> Agents => _agents;

    public IReadOnlyList<WatchedAgent> Copilots => _copilots;

    /// <summary>Connects <paramref name="count"/> agents through factories <paramref name="createFactory"/> makes.</summary>
    public static async Task<FaultAgents> ConnectAsync(
        Func<RtaClientFactory> createFactory, string userToken, int count, FaultTimeline timeline, CancellationToken cancellationToken)
    {
        var agents = new FaultAgents();
        try
        {
            var shards = (count + AgentsPerCopilot - 1) / AgentsPerCopilot;
            for (var index = 0; index < shards; index++)
            {
                await agents.AddShardAsync(createFactory(), userToken, index, timeline, cancellationToken);
            }

            var probes = new AgentProbe[count];
            await Parallel.ForEachAsync(
                Enumerable.Range(0, count),
                new ParallelOptions { MaxDegreeOfParallelism = ConnectParallelism, CancellationToken = cancellationToken },
                async (slot, token) => probes[slot] = await agents._shards[slot / AgentsPerCopilot].DelegateAsync($"agent-{slot}", token));
            agents._agents.AddRange(probes.Select(probe => new WatchedAgent(probe, timeline)));
            return agents;
        }
        catch
        {
            await agents.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var agent in _agents)
        {
            agent.Dispose();
            await AgentShard.CloseAsync(agent.Probe);
        }

        foreach (var copilot in _copilots)
        {
            copilot.Dispose();
        }

        foreach (var shard in _shards)
        {
            await shard.DisposeAsync();
        }
    }

    private async Task AddShardAsync(RtaClientFactory factory, string userToken, int index, FaultTimeline timeline, CancellationToken cancellationToken)
    {
        RtaClient copilot;
        try
        {
            var request = new RtaSessionRequest
            {
                SubjectToken = userToken,
                Scopes = AgentShard.CopilotScopes,
                Agent = AgentShard.Identity($"copilot-{index}", "copilot"),
            };
            copilot = await ExchangeRetry.RunAsync(() => factory.ConnectAsync(request, cancellationToken), cancellationToken);
        }
        catch
        {
            factory.Dispose();
            throw;
        }

        var shard = new AgentShard(factory, new AgentProbe(copilot));
        _shards.Add(shard);
        _copilots.Add(new WatchedAgent(shard.Copilot, timeline));
        await shard.Copilot.WaitForStateAsync(RtaConnectionState.Connected, AgentShard.ConnectTimeout);
    }
}
