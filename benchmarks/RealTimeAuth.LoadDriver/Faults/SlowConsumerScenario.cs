using System.Diagnostics;
using System.Globalization;
using Grpc.Core;
using RealTimeAuth.LoadDriver.Cli;
using RealTimeAuth.LoadDriver.Hosting;
using RealTimeAuth.LoadDriver.Reporting;
using RealTimeAuth.Protocol.Live;
using RealTimeAuth.Testing;

namespace RealTimeAuth.LoadDriver.Faults;

/// <summary>
/// Slow consumers (ADR 0022): a few streams that never read while the replica's agents take revocation storms. Each
/// storm revokes every co-pilot at once, and with each its delegated agents (a subtree revocation), so all agents are
/// revoked together. The storms run first without the stalled streams, then with them; the stalled streams must be
/// closed <c>stream-stalled</c> after <c>LiveChannel:MaxPendingMessages</c> unacknowledged heartbeats, which a short
/// heartbeat interval makes come within the run.
/// </summary>
internal static class SlowConsumerScenario
{
    public const string Name = "slow";

    private const int StalledStreams = 4;
    private const int StormsPerPhase = 2;
    private const int MaxPendingMessages = 16;
    private const string StalledId = "7005";
    private static readonly TimeSpan HeartbeatInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan DeliveryBound = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(2);

    public static async Task<FaultReport> RunAsync(FaultsSettings settings, CancellationToken cancellationToken)
    {
        var timeline = new FaultTimeline();
        await using var environment = await FaultEnvironment.StartAsync("faults_slow", 1, new Dictionary<string, string?>
        {
            ["LiveChannel:HeartbeatInterval"] = HeartbeatInterval.ToString(),
            ["LiveChannel:MaxPendingMessages"] = MaxPendingMessages.ToString(CultureInfo.InvariantCulture),
        }, cancellationToken);
        var replica = environment.Replicas[0];
        using var admin = FaultEnvironment.CreateHttpClient(replica);

        var without = new List<IReadOnlyList<double>>();
        for (var storm = 0; storm < StormsPerPhase; storm++)
        {
            without.Add(await StormAsync(environment, admin, settings.Agents, timeline, cancellationToken));
        }

        var memoryBefore = await replica.SampleAsync(cancellationToken);
        Progress.Write($"Opening {StalledStreams} streams that never read…");
        var stalled = new List<StalledStream>();
        try
        {
            for (var index = 0; index < StalledStreams; index++)
            {
                stalled.Add(await StalledStream.OpenAsync(replica, environment.UserToken, environment.Cluster.CopilotSecret, cancellationToken));
            }

            var opened = timeline.Mark("stalled streams open");
            var with = new List<IReadOnlyList<double>>();
            for (var storm = 0; storm < StormsPerPhase; storm++)
            {
                with.Add(await StormAsync(environment, admin, settings.Agents, timeline, cancellationToken));
            }

            var memoryWith = await replica.SampleAsync(cancellationToken);
            Progress.Write("Waiting for the server to close the stalled streams…");
            var expectedBy = HeartbeatInterval * (MaxPendingMessages + 2);
            var closedAll = await Eventually.UntilAsync(
                () => StallsLogged(replica) >= StalledStreams, expectedBy + DeliveryBound, cancellationToken, TimeSpan.FromMilliseconds(100));
            var closed = timeline.Mark("stalled streams closed");
            var drained = await Task.WhenAll(stalled.Select(stream => stream.DrainAsync(cancellationToken)));
            var memoryAfter = await replica.SampleAsync(cancellationToken);

            var report = new FaultReport(Name, $"{StalledStreams} streams that never read beside revocation storms of {settings.Agents:N0} agents", settings.Agents, timeline);
            var (allWithout, allWith) = (Distribution.Of(without.SelectMany(storm => storm)), Distribution.Of(with.SelectMany(storm => storm)));
            var (lastWithout, lastWith) = (Distribution.Of(without.Select(storm => storm.DefaultIfEmpty(double.NaN).Max())), Distribution.Of(with.Select(storm => storm.DefaultIfEmpty(double.NaN).Max())));
            var missedWithout = (StormsPerPhase * settings.Agents) - allWithout.Count;
            var missedWith = (StormsPerPhase * settings.Agents) - allWith.Count;
            report.Figure("storms per phase", StormsPerPhase, "storms");
            report.Figure("without stalled streams: issued → agent revoked, p50", allWithout.P50, "ms");
            report.Figure("without stalled streams: issued → agent revoked, p99", allWithout.P99, "ms");
            report.Figure("without stalled streams: issued → last agent, max over storms", lastWithout.Max, "ms");
            report.Figure("with stalled streams: issued → agent revoked, p50", allWith.P50, "ms");
            report.Figure("with stalled streams: issued → agent revoked, p99", allWith.P99, "ms");
            report.Figure("with stalled streams: issued → last agent, max over storms", lastWith.Max, "ms");
            report.Figure("agents missed (both phases)", missedWithout + missedWith, "agents");
            report.Figure("server working set before the stalled streams", Mb(memoryBefore.WorkingSetBytes), "MB");
            report.Figure("server working set with them, after the storms", Mb(memoryWith.WorkingSetBytes), "MB");
            report.Figure("server working set after they were closed", Mb(memoryAfter.WorkingSetBytes), "MB");
            report.Figure("server GC heap before the stalled streams", Mb(memoryBefore.GcHeapBytes), "MB");
            report.Figure("server GC heap with the stalled streams", Mb(memoryWith.GcHeapBytes), "MB");
            report.Figure("server GC heap after they were closed", Mb(memoryAfter.GcHeapBytes), "MB");
            report.Figure("open → the driver saw every stalled stream closed (an upper bound: it looks after the storms)", closed - opened, "ms");
            report.Figure("LiveChannel:MaxPendingMessages × HeartbeatInterval", MaxPendingMessages * HeartbeatInterval.TotalMilliseconds, "ms");
            report.Figure("messages each stalled stream got before the close, max", drained.Max(d => d.Messages), "messages");
            var stalledReason = drained.Count(d => d.Status == StatusCode.ResourceExhausted && d.Reason == RtaStreamCloseReasons.StreamStalled);
            report.Figure("stalled streams closed ResourceExhausted stream-stalled", stalledReason, "streams");
            foreach (var (messages, status, reason) in drained)
            {
                report.Note($"stalled stream: {messages} messages, then {status} {reason}");
            }

            report.Check("every agent revoked in every storm", missedWithout + missedWith == 0, $"{missedWithout + missedWith} missed");
            report.Check(
                "the storm is not delayed by the stalled streams (p99 with ≤ 2 × without + 50 ms)",
                allWith.P99 <= (2 * allWithout.P99) + 50,
                $"p99 {allWith.P99:0} ms with, {allWithout.P99:0} ms without");
            report.Check("every stalled stream closed with stream-stalled", closedAll && stalledReason == StalledStreams, $"{stalledReason} of {StalledStreams}");
            report.Note("Memory is sampled without forcing a collection, so the GC heap includes garbage; it shows no growth held by the stalled streams, not a per-stream cost.");

            report.Window("stalled streams open", opened, closed);
            report.Line(new FaultLine("revocations delivered", s => s == FaultSeries.RevocationDelivered, RightAxis: true));
            return report;
        }
        finally
        {
            stalled.ForEach(stream => stream.Dispose());
        }
    }

    /// <summary>Connects the agents, revokes every co-pilot at once, and returns issued → each agent's Revoked (ms).</summary>
    private static async Task<IReadOnlyList<double>> StormAsync(
        FaultEnvironment environment, HttpClient admin, int count, FaultTimeline timeline, CancellationToken cancellationToken)
    {
        var replica = environment.Replicas[0];
        Progress.Write($"Connecting {count:N0} agents for a storm…");
        await using var agents = await FaultAgents.ConnectAsync(() => environment.CopilotFactory(replica), environment.UserToken, count, timeline, cancellationToken);
        await Task.Delay(Settle, cancellationToken);
        var issued = Stopwatch.GetTimestamp();
        var calls = await Task.WhenAll(agents.Copilots.Select(copilot => FaultCalls.RevokeAsync(admin, environment.AdminToken, copilot.Client.SessionId, "fault run: storm", cancellationToken)));
        await Task.WhenAll(agents.Agents.Select(agent => (Task)agent.Probe.Revoked.WaitAsync(DeliveryBound, cancellationToken)))
            .ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        var latencies = agents.Agents.Where(agent => agent.Probe.Revoked.IsCompletedSuccessfully)
            .Select(agent => Stopwatch.GetElapsedTime(issued, agent.Probe.RevokedAtTimestamp).TotalMilliseconds)
            .ToList();
        Progress.Write(string.Create(CultureInfo.InvariantCulture,
            $"Storm: {latencies.Count:N0} of {count:N0} revoked, last {latencies.DefaultIfEmpty(double.NaN).Max():0} ms after the calls were issued; {calls.Count(call => call.Error is not null)} calls failed."));
        return latencies;
    }

    private static int StallsLogged(ServerProcess replica) => replica.Log.Snapshot().Counted.Count(entry => entry.EventId == StalledId);

    private static double Mb(long bytes) => bytes / 1024.0 / 1024.0;
}
