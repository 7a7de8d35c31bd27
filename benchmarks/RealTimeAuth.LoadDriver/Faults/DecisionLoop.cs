using System.Diagnostics;
using Grpc.Core;
using RealTimeAuth.Sdk;

namespace RealTimeAuth.LoadDriver.Faults;

/// <summary>
/// Steady decisions over the live channel until stopped: each worker asks for its next agent in turn, then pauses,
/// so a refusal or a hang of the server shows as such and not as a flood of retries. Every outcome goes to the
/// timeline: allowed, refused with the server's reason, denied locally (the SDK already knows the session ended), or
/// failed with the transport's status (and the server's <c>rta-reason</c>, when it gave one).
/// </summary>
internal sealed class DecisionLoop(IReadOnlyList<WatchedAgent> agents, FaultTimeline timeline, int workers, TimeSpan pause)
{
    private static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(5);

    private long _next;

    public Task RunAsync(CancellationToken stop) =>
        Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(() => WorkAsync(stop), CancellationToken.None)));

    private async Task WorkAsync(CancellationToken stop)
    {
        while (!stop.IsCancellationRequested)
        {
            var agent = agents[(int)(Interlocked.Increment(ref _next) % agents.Count)];
            // Recorded at the time the call was sent: the server decided after it, so an allowed decision sent past a
            // bound was certainly made past it.
            var sent = Stopwatch.GetTimestamp();
            timeline.Record(await DecideAsync(agent.Client, stop), sent);

            try
            {
                await Task.Delay(pause, stop);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    private static async Task<string> DecideAsync(RtaClient client, CancellationToken stop)
    {
        using var bound = CancellationTokenSource.CreateLinkedTokenSource(stop);
        bound.CancelAfter(CallTimeout);
        try
        {
            var result = await client.AuthorizeAsync("read", "records", "r-1", cancellationToken: bound.Token);
            return result switch
            {
                { DecidedLocally: true } => FaultSeries.DecisionLocal,
                { Allowed: true } => FaultSeries.DecisionAllowed,
                _ => FaultSeries.DecisionRefused(result.Reason),
            };
        }
        catch (RpcException exception)
        {
            return FaultSeries.DecisionError(exception.Trailers.GetValue("rta-reason") is { } reason ? $"{exception.StatusCode} {reason}" : exception.StatusCode.ToString());
        }
        catch (OperationCanceledException) when (!stop.IsCancellationRequested)
        {
            return FaultSeries.DecisionError("timeout");
        }
        catch (OperationCanceledException)
        {
            // The server may still have decided (and audited) it.
            return FaultSeries.DecisionCutShort;
        }
        catch (Exception exception) when (exception is HttpRequestException or InvalidOperationException or IOException)
        {
            return FaultSeries.DecisionError(exception.GetType().Name);
        }
    }
}
