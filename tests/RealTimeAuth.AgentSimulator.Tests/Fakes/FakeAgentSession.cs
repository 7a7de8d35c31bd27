using RealTimeAuth.AgentSimulator.Agents;
using RealTimeAuth.Sdk;

namespace RealTimeAuth.AgentSimulator.Tests.Fakes;

/// <summary>A session whose decisions the test scripts, and whose revocation the test raises.</summary>
internal sealed class FakeAgentSession(string agentId, Func<AgentAction, int, Task<RtaAuthorizationResult>> decide) : IAgentSession
{
    private readonly Lock _gate = new();
    private readonly List<(int Calls, TaskCompletionSource Reached)> _waiters = [];
    private int _calls;

    public event EventHandler<RtaRevokedEventArgs>? Revoked;

    public event EventHandler<RtaTokenRefreshedEventArgs>? TokenRefreshed;

    public string AgentId => agentId;

    public string SessionId { get; init; } = Guid.NewGuid().ToString("D");

    public string? ParentSessionId { get; init; }

    public IReadOnlyList<string> Scopes { get; init; } = ["records:read"];

    public string CurrentToken { get; init; } = "fake-token";

    public bool HasEnded { get; private set; }

    /// <summary>The token of the latest call, to see the agent cancel it.</summary>
    public CancellationToken LastToken { get; private set; }

    public static FakeAgentSession Allowing(string agentId) =>
        new(agentId, (_, _) => Task.FromResult(new RtaAuthorizationResult(true, "allowed", null)));

    public Task<RtaAuthorizationResult> AuthorizeAsync(AgentAction action, string resourceId, CancellationToken cancellationToken)
    {
        int call;
        lock (_gate)
        {
            call = ++_calls;
            LastToken = cancellationToken;
            foreach (var waiter in _waiters.Where(waiter => waiter.Calls <= call))
            {
                waiter.Reached.TrySetResult();
            }
        }

        return decide(action, call);
    }

    /// <summary>Completes once <paramref name="calls"/> calls have been made.</summary>
    public Task WhenCalls(int calls)
    {
        lock (_gate)
        {
            var waiter = (calls, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
            if (_calls >= calls)
            {
                waiter.Item2.SetResult();
            }

            _waiters.Add(waiter);
            return waiter.Item2.Task;
        }
    }

    public void Revoke(RtaRevokedEventArgs revocation)
    {
        HasEnded = true;
        Revoked?.Invoke(this, revocation);
    }

    public void Refresh(RtaTokenRefreshedEventArgs refresh) => TokenRefreshed?.Invoke(this, refresh);

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
