using System.Collections.Concurrent;
using RealTimeAuth.AgentSimulator.Agents;

namespace RealTimeAuth.AgentSimulator.Load;

/// <summary>A load run's sessions: one co-pilot per user and the agents delegated from them. Disposing closes every stream.</summary>
internal sealed class LoadFleet : IAsyncDisposable
{
    private readonly ConcurrentDictionary<int, RtaAgentSession> _agents = new();
    private int _exchangeFailures;

    public List<RtaAgentSession> CoPilots { get; } = [];

    /// <summary>The connected agents, in index order.</summary>
    public IReadOnlyList<RtaAgentSession> Agents => [.. _agents.OrderBy(pair => pair.Key).Select(pair => pair.Value)];

    public int ExchangeFailures => Volatile.Read(ref _exchangeFailures);

    public void AddAgent(int index, RtaAgentSession agent) => _agents[index] = agent;

    public void CountExchangeFailure() => Interlocked.Increment(ref _exchangeFailures);

    public async ValueTask DisposeAsync()
    {
        await Parallel.ForEachAsync(_agents.Values, async (agent, _) => await agent.DisposeAsync().ConfigureAwait(false)).ConfigureAwait(false);
        foreach (var coPilot in CoPilots)
        {
            await coPilot.DisposeAsync().ConfigureAwait(false);
        }
    }
}
