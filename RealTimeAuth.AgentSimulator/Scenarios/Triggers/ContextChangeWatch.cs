using RealTimeAuth.AgentSimulator.Agents;
using RealTimeAuth.Protocol.Live;
using RealTimeAuth.Sdk;

namespace RealTimeAuth.AgentSimulator.Scenarios.Triggers;

/// <summary>
/// Waits until every working session of a team got a token pushed because its context changed. An IdP event is
/// accepted by the IdP before the server has applied it, so a trigger that judges decisions "after" the change waits
/// for this first; otherwise a decision the server made a moment before the change would count against the run.
/// </summary>
internal sealed class ContextChangeWatch : IDisposable
{
    private readonly List<(IAgentSession Session, EventHandler<RtaTokenRefreshedEventArgs> Handler)> _subscriptions = [];
    private readonly List<Task> _changes = [];

    public ContextChangeWatch(AgentTeam team)
    {
        foreach (var session in team.Members.Select(member => member.Session).Prepend(team.CoPilot).Where(session => !session.HasEnded))
        {
            var changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            EventHandler<RtaTokenRefreshedEventArgs> handler = (_, refresh) =>
            {
                if (refresh.Reason == RtaRefreshReasons.ContextChanged)
                {
                    changed.TrySetResult();
                }
            };
            session.TokenRefreshed += handler;
            _subscriptions.Add((session, handler));
            _changes.Add(changed.Task);
        }
    }

    /// <summary>Completes when every watched session saw its context change; throws <see cref="TimeoutException"/> after <paramref name="timeout"/>.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            await Task.WhenAll(_changes).WaitAsync(timeout, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException(
                $"{_changes.Count(change => !change.IsCompleted)} of {_changes.Count} sessions got no {RtaRefreshReasons.ContextChanged} token within {timeout.TotalSeconds:0} s.");
        }
    }

    public void Dispose()
    {
        foreach (var (session, handler) in _subscriptions)
        {
            session.TokenRefreshed -= handler;
        }
    }
}
