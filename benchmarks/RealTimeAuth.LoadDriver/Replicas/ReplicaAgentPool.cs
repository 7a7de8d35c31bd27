using RealTimeAuth.LoadDriver.Hosting;
using RealTimeAuth.LoadDriver.Revocation;
using RealTimeAuth.Sdk;
using RealTimeAuth.Testing.Hosting;

namespace RealTimeAuth.LoadDriver.Replicas;

/// <summary>
/// Agents spread over the replicas: each replica's co-pilots exchange there and delegate their agents there, so every
/// agent's live stream is held by the replica it was created on. Slot <c>i</c> of a replica lives on its shard
/// <c>i / agentsPerShard</c>, so a replacement lands on the same channel.
/// </summary>
internal sealed class ReplicaAgentPool(LoadEnvironment environment, IReadOnlyList<ServerProcess> replicas, int agentsPerShard) : IAsyncDisposable
{
    private const int ConnectParallelism = 8;

    private readonly List<AgentShard>[] _shards = [.. replicas.Select(_ => new List<AgentShard>())];

    public int ShardCount => _shards.Sum(shards => shards.Count);

    /// <summary>Opens co-pilots on each replica until <paramref name="agents"/> agents fit on each.</summary>
    public async Task EnsureCapacityAsync(int agents, CancellationToken cancellationToken)
    {
        var needed = (agents + agentsPerShard - 1) / agentsPerShard;
        for (var replica = 0; replica < replicas.Count; replica++)
        {
            while (_shards[replica].Count < needed)
            {
                _shards[replica].Add(await OpenShardAsync(replica, cancellationToken));
            }
        }
    }

    public Task<AgentProbe> ConnectAsync(int replica, int slot, CancellationToken cancellationToken) =>
        _shards[replica][slot / agentsPerShard].DelegateAsync($"agent-{replica}-{slot}", cancellationToken);

    /// <summary>Agents in slots 0 to <paramref name="count"/> − 1 on every replica, all connected; indexed [replica][slot].</summary>
    public async Task<AgentProbe[][]> ConnectManyAsync(int count, CancellationToken cancellationToken)
    {
        var probes = replicas.Select(_ => new AgentProbe[count]).ToArray();
        await Parallel.ForEachAsync(
            Enumerable.Range(0, count * replicas.Count),
            new ParallelOptions { MaxDegreeOfParallelism = ConnectParallelism, CancellationToken = cancellationToken },
            async (index, token) => probes[index % replicas.Count][index / replicas.Count] = await ConnectAsync(index % replicas.Count, index / replicas.Count, token));
        return probes;
    }

    public async Task CloseAllAsync()
    {
        foreach (var shard in _shards.SelectMany(shards => shards))
        {
            await shard.DisposeAsync();
        }

        foreach (var shards in _shards)
        {
            shards.Clear();
        }
    }

    public ValueTask DisposeAsync() => new(CloseAllAsync());

    private async Task<AgentShard> OpenShardAsync(int replica, CancellationToken cancellationToken)
    {
        var factory = Agents.Factory(replicas[replica].BaseAddress, ServerCluster.CopilotClientId, environment.Cluster.CopilotSecret, "copilot", keepKeys: false);
        RtaClient copilot;
        try
        {
            var request = new RtaSessionRequest
            {
                SubjectToken = environment.UserToken,
                Scopes = AgentShard.CopilotScopes,
                Agent = AgentShard.Identity($"copilot-{replica}-{_shards[replica].Count}", "copilot"),
            };
            copilot = await ExchangeRetry.RunAsync(() => factory.ConnectAsync(request, cancellationToken), cancellationToken);
        }
        catch
        {
            factory.Dispose();
            throw;
        }

        var shard = new AgentShard(factory, new AgentProbe(copilot));
        await shard.Copilot.WaitForStateAsync(RtaConnectionState.Connected, AgentShard.ConnectTimeout);
        return shard;
    }
}
