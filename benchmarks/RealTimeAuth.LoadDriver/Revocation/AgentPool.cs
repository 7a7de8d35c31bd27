using RealTimeAuth.LoadDriver.Hosting;
using RealTimeAuth.Sdk;
using RealTimeAuth.Testing.Hosting;

namespace RealTimeAuth.LoadDriver.Revocation;

/// <summary>
/// Connected agents spread over <see cref="AgentShard"/>s of at most <paramref name="agentsPerShard"/> agents each:
/// agent slot <c>i</c> always lives on shard <c>i / agentsPerShard</c>, so a replacement lands on the same channel.
/// </summary>
internal sealed class AgentPool(LoadEnvironment environment, int agentsPerShard) : IAsyncDisposable
{
    /// <summary>Exchanges in flight while connecting many agents; exchanges serialise on the event log anyway.</summary>
    private const int ConnectParallelism = 8;

    private readonly List<AgentShard> _shards = [];

    public int ShardCount => _shards.Count;

    /// <summary>Opens co-pilots on new channels until <paramref name="agents"/> agents fit.</summary>
    public async Task EnsureCapacityAsync(int agents, CancellationToken cancellationToken)
    {
        var needed = (agents + agentsPerShard - 1) / agentsPerShard;
        while (_shards.Count < needed)
        {
            var factory = environment.CreateCopilotFactory();
            RtaClient copilot;
            try
            {
                var request = new RtaSessionRequest
                {
                    SubjectToken = environment.UserToken,
                    Scopes = AgentShard.CopilotScopes,
                    Agent = AgentShard.Identity($"copilot-{_shards.Count}", "copilot"),
                };
                copilot = await ExchangeRetry.RunAsync(() => factory.ConnectAsync(request, cancellationToken), cancellationToken);
            }
            catch
            {
                factory.Dispose();
                throw;
            }

            // From here on the pool disposes it.
            var shard = new AgentShard(factory, new AgentProbe(copilot));
            _shards.Add(shard);
            await shard.Copilot.WaitForStateAsync(RtaConnectionState.Connected, AgentShard.ConnectTimeout);
        }
    }

    /// <summary>A connected agent in <paramref name="slot"/>, delegated by that slot's co-pilot.</summary>
    public Task<AgentProbe> ConnectAsync(int slot, CancellationToken cancellationToken) =>
        _shards[slot / agentsPerShard].DelegateAsync($"agent-{slot}", cancellationToken);

    /// <summary>Agents in slots 0 to <paramref name="count"/> − 1, all connected.</summary>
    public async Task<AgentProbe[]> ConnectManyAsync(int count, CancellationToken cancellationToken)
    {
        var probes = new AgentProbe[count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, count),
            new ParallelOptions { MaxDegreeOfParallelism = ConnectParallelism, CancellationToken = cancellationToken },
            async (slot, token) => probes[slot] = await ConnectAsync(slot, token));
        return probes;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var shard in _shards)
        {
            await shard.DisposeAsync();
        }

        _shards.Clear();
    }
}
