using System.Collections.Concurrent;
using System.Diagnostics;
using RealTimeAuth.Sdk;

namespace RealTimeAuth.Testing.Hosting;

/// <summary>
/// Watches one SDK client's events from the moment it is attached, so a test or a load driver can await them with a
/// bound. Waiting for a state or a refresh wakes on the client's events, not on a timer, so thousands of probes can wait at once.
/// </summary>
public sealed class AgentProbe : IDisposable
{
    private readonly TaskCompletionSource<RtaRevokedEventArgs> _revoked = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ConcurrentQueue<RtaTokenRefreshedEventArgs> _refreshes = new();
    private readonly ConcurrentQueue<RtaConnectionStateChangedEventArgs> _states = new();
    private TaskCompletionSource _stateChanged = NewSignal();
    private TaskCompletionSource _refreshed = NewSignal();

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

    /// <summary>Waits for a token refresh with <paramref name="reason"/> (it may already have come); returns the first.</summary>
    public async Task<RtaTokenRefreshedEventArgs> WaitForRefreshAsync(string reason, TimeSpan timeout) =>
        (await WaitForRefreshesAsync(reason, 1, timeout))[0];

    /// <summary>Waits until <paramref name="count"/> token refreshes with <paramref name="reason"/> have come; returns them in order.</summary>
    public async Task<IReadOnlyList<RtaTokenRefreshedEventArgs>> WaitForRefreshesAsync(string reason, int count, TimeSpan timeout)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            // Take the signal before reading the refreshes: one that comes after the read completes this signal.
            var refreshed = Volatile.Read(ref _refreshed).Task;
            var matching = _refreshes.Where(refresh => refresh.Reason == reason).ToList();
            if (matching.Count >= count)
            {
                return matching;
            }

            var remaining = timeout - deadline.Elapsed;
            if (remaining <= TimeSpan.Zero)
            {
                throw new TimeoutException(
                    $"Agent {Client.Agent.Id} got {matching.Count} of {count} '{reason}' refreshes within {timeout.TotalSeconds:0.#} s "
                    + $"(got: {string.Join(", ", _refreshes.Select(r => r.Reason))}).");
            }

            try
            {
                await refreshed.WaitAsync(remaining);
            }
            catch (TimeoutException)
            {
                // Reported above with the refreshes seen.
            }
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

    private void OnTokenRefreshed(object? sender, RtaTokenRefreshedEventArgs e)
    {
        _refreshes.Enqueue(e);
        Interlocked.Exchange(ref _refreshed, NewSignal()).TrySetResult();
    }

    private void OnStateChanged(object? sender, RtaConnectionStateChangedEventArgs e)
    {
        _states.Enqueue(e);
        Interlocked.Exchange(ref _stateChanged, NewSignal()).TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
