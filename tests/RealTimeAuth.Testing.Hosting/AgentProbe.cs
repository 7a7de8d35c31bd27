using System.Collections.Concurrent;
using System.Diagnostics;
using RealTimeAuth.Sdk;

namespace RealTimeAuth.Testing.Hosting;

/// <summary>
/// Watches one SDK client's events from the moment it is attached, so a test or a load driver can await them with a
/// bound. Waiting for a state wakes on the client's state changes, not on a timer, so thousands of probes can wait at once.
/// </summary>
public sealed class AgentProbe : IDisposable
{
    private readonly TaskCompletionSource<RtaRevokedEventArgs> _revoked = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentQueue<RtaTokenRefreshedEventArgs> _refreshes = new();
    private readonly ConcurrentQueue<RtaConnectionStateChangedEventArgs> _states = new();
    private TaskCompletionSource _stateChanged = NewSignal();

    public AgentProbe(RtaClient client)
    {
        Client = client;
        client.Revoked += OnRevoked;
        client.TokenRefreshed += OnTokenRefreshed;
        client.ConnectionStateChanged += OnStateChanged;
    }

    public RtaClient Client { get; }

    /// <summary>When the Revoked event was raised, by <see cref="Stopwatch.GetTimestamp"/>.</summary>
    public long RevokedAtTimestamp { get; private set; }

    public Task<RtaRevokedEventArgs> Revoked => _revoked.Task;

    public IReadOnlyCollection<RtaTokenRefreshedEventArgs> Refreshes => _refreshes;

    public IReadOnlyCollection<RtaConnectionStateChangedEventArgs> States => _states;

    /// <summary>Waits until the client reaches <paramref name="state"/> (it may already be there).</summary>
    public async Task WaitForStateAsync(RtaConnectionState state, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            // Take the signal before reading the state: a change after the read completes this signal.
            var changed = Volatile.Read(ref _stateChanged).Task;
            if (Client.State == state)
            {
                return;
            }

            var remaining = timeout - deadline.Elapsed;
            if (remaining > TimeSpan.Zero)
            {
                try
                {
                    await changed.WaitAsync(remaining);
                    continue;
                }
                catch (TimeoutException)
                {
                    // Reported below with the states seen.
                }
            }

            throw new TimeoutException(
                $"Agent {Client.Agent.Id} did not reach {state} within {timeout.TotalSeconds:0.#} s; it is {Client.State} "
                + $"after {string.Join(", ", _states.Select(change => $"{change.State}({change.Reason})"))}.");
        }
    }

    /// <summary>Waits for a token refresh with <paramref name="reason"/>.</summary>
    public async Task<RtaTokenRefreshedEventArgs> WaitForRefreshAsync(string reason, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (_refreshes.FirstOrDefault(refresh => refresh.Reason == reason) is { } refresh)
            {
                return refresh;
            }

            if (deadline.Elapsed > timeout)
            {
                throw new TimeoutException(
                    $"Agent {Client.Agent.Id} got no '{reason}' refresh within {timeout.TotalSeconds:0.#} s "
                    + $"(got: {string.Join(", ", _refreshes.Select(r => r.Reason))}).");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(10));
        }
    }

    public void Dispose()
    {
        Client.Revoked -= OnRevoked;
        Client.TokenRefreshed -= OnTokenRefreshed;
        Client.ConnectionStateChanged -= OnStateChanged;
    }

    private void OnRevoked(object? sender, RtaRevokedEventArgs e)
    {
        RevokedAtTimestamp = Stopwatch.GetTimestamp();
        _revoked.TrySetResult(e);
    }

    private void OnTokenRefreshed(object? sender, RtaTokenRefreshedEventArgs e) => _refreshes.Enqueue(e);

    private void OnStateChanged(object? sender, RtaConnectionStateChangedEventArgs e)
    {
        _states.Enqueue(e);
        Interlocked.Exchange(ref _stateChanged, NewSignal()).TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
