using System.Collections.Concurrent;
using System.Diagnostics;
using RealTimeAuth.Testing.Hosting;

namespace RealTimeAuth.LoadDriver.Soak;

/// <summary>
/// Decisions over the live channel at a steady rate: call n is due n / rate seconds after the start, taken by whichever
/// worker is free, for the agent in slot n mod A. A call that fails on an agent revoked meanwhile raced the soak's own
/// revocation and is counted apart from real errors.
/// </summary>
internal sealed class DecisionLoad(SoakSlots slots, int perSecond)
{
    private const int Workers = 32;
    private const string Action = "read";
    private const string ResourceType = "records";

    private readonly ConcurrentQueue<double> _latencies = new();
    private readonly ConcurrentDictionary<string, int> _errors = new(StringComparer.Ordinal);
    private long _issued;
    private long _answered;
    private long _raced;

    public long Answered => Interlocked.Read(ref _answered);

    public long Raced => Interlocked.Read(ref _raced);

    public IReadOnlyCollection<double> LatenciesMs => _latencies;

    /// <summary>Real errors by message.</summary>
    public IReadOnlyDictionary<string, int> Errors => _errors;

    public Task RunAsync(TimeSpan duration, CancellationToken cancellationToken)
    {
        if (perSecond == 0)
        {
            return Task.CompletedTask;
        }

        var start = Stopwatch.GetTimestamp();
        return Task.WhenAll(Enumerable.Range(0, Workers).Select(_ => Task.Run(() => WorkAsync(start, duration, cancellationToken), cancellationToken)));
    }

    private async Task WorkAsync(long start, TimeSpan duration, CancellationToken cancellationToken)
    {
        while (true)
        {
            var call = Interlocked.Increment(ref _issued) - 1;
            var due = TimeSpan.FromSeconds((double)call / perSecond);
            if (due >= duration)
            {
                return;
            }

            var wait = due - Stopwatch.GetElapsedTime(start);
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait, cancellationToken);
            }

            if (slots.Current((int)(call % slots.Count)) is { } probe)
            {
                await DecideAsync(probe, call, cancellationToken);
            }
        }
    }

    private async Task DecideAsync(AgentProbe probe, long call, CancellationToken cancellationToken)
    {
        var sent = Stopwatch.GetTimestamp();
        string? error;
        try
        {
            var result = await probe.Client.AuthorizeAsync(Action, ResourceType, $"record-{call % 1000}", cancellationToken: cancellationToken);
            error = result.DecidedLocally ? $"decided without the server: {result.Reason}" : null;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            error = $"{exception.GetType().Name}: {exception.Message}";
        }

        if (error is null)
        {
            _latencies.Enqueue(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
            Interlocked.Increment(ref _answered);
        }
        else if (probe.Revoked.IsCompleted)
        {
            Interlocked.Increment(ref _raced);
        }
        else
        {
            _errors.AddOrUpdate(error, 1, (_, count) => count + 1);
        }
    }
}
