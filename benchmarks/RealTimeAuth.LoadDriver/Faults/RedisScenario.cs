using System.Diagnostics;
using RealTimeAuth.LoadDriver.Cli;
using RealTimeAuth.LoadDriver.Reporting;
using RealTimeAuth.Testing;

namespace RealTimeAuth.LoadDriver.Faults;

/// <summary>
/// Redis SIGKILLed in the middle of a revocation storm and restarted empty (ADR 0021). Two replicas: the agents stream
/// from B, every revocation is made on A, one after another, so B learns of each only through the announcement (Redis)
/// or, once Redis is gone, through its poll of the PostgreSQL event log. Redis dies after a third of the storm is issued.
/// Decisions (agents and their co-pilots, which are never revoked) and exchanges run on B throughout.
/// </summary>
internal static class RedisScenario
{
    public const string Name = "redis";

    private const int StormParallelism = 8;
    private const string Killed = "Redis gone";
    private const string Restarted = "Redis restarted";
    private static readonly TimeSpan Baseline = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan DeliveryBound = TimeSpan.FromSeconds(60);
    private static readonly TimeSpan RecoveryBound = TimeSpan.FromSeconds(30);

    public static async Task<FaultReport> RunAsync(FaultsSettings settings, CancellationToken cancellationToken)
    {
        var timeline = new FaultTimeline();
        await using var environment = await FaultEnvironment.StartAsync("faults_redis", 2, new Dictionary<string, string?>(), cancellationToken);
        var (a, b) = (environment.Replicas[0], environment.Replicas[1]);
        Progress.Write($"Connecting {settings.Agents:N0} agents to replica B…");
        await using var agents = await FaultAgents.ConnectAsync(() => environment.CopilotFactory(b), environment.UserToken, settings.Agents, timeline, cancellationToken);
        var storm = agents.Agents;
        await using var load = new SteadyLoad(
            new DecisionLoop([.. storm, .. agents.Copilots], timeline, workers: 4, TimeSpan.FromMilliseconds(20)),
            new ExchangeLoop(b, environment.UserToken, environment.Cluster.CopilotSecret, timeline, workers: 1, TimeSpan.FromMilliseconds(100)));
        await Task.Delay(Baseline, cancellationToken);

        Progress.Write($"Revoking {storm.Count:N0} agents one by one on replica A; Redis dies after a third…");
        using var admin = FaultEnvironment.CreateHttpClient(a);
        var issued = new long[storm.Count];
        var errors = new string?[storm.Count];
        var issuedSoFar = 0;
        var killAt = storm.Count / 3;
        Task? kill = null;
        timeline.Mark("storm starts");
        await Parallel.ForEachAsync(
            Enumerable.Range(0, storm.Count),
            new ParallelOptions { MaxDegreeOfParallelism = StormParallelism, CancellationToken = cancellationToken },
            async (index, token) =>
            {
                if (Interlocked.Increment(ref issuedSoFar) == killAt)
                {
                    timeline.Mark("SIGKILL to Redis issued");
                    kill = Task.Run(
                        async () =>
                        {
                            await environment.Redis.KillAsync();
                            timeline.Mark(Killed);
                        },
                        CancellationToken.None);
                }

                (issued[index], _, errors[index]) = await FaultCalls.RevokeAsync(admin, environment.AdminToken, storm[index].Client.SessionId, "fault run: storm", token);
            });
        timeline.Mark("storm issued");
        await kill!;
        var killed = timeline[Killed];

        await Task.WhenAll(storm.Select(agent => (Task)agent.Probe.Revoked.WaitAsync(DeliveryBound, cancellationToken)))
            .ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        var delivered = storm.Where(agent => agent.Probe.Revoked.IsCompletedSuccessfully).ToList();
        var allDelivered = delivered.Count == storm.Count ? delivered.Max(agent => timeline.MsOf(agent.Probe.RevokedAtTimestamp)) : double.NaN;
        var revokedInPostgres = await FaultCalls.CountRevokedAsync(environment.Cluster, storm.Select(agent => agent.Client.SessionId), cancellationToken);

        var outageLeft = TimeSpan.FromSeconds(settings.OutageSeconds) - TimeSpan.FromMilliseconds(timeline.NowMs - killed);
        if (outageLeft > TimeSpan.Zero)
        {
            await Task.Delay(outageLeft, cancellationToken);
        }

        Progress.Write("Restarting Redis (empty)…");
        timeline.Mark(Restarted);
        await environment.Redis.RestartAsync();
        var restarted = timeline[Restarted];
        var healthyAt = await FaultCalls.WaitUntilHealthyAsync(environment.Replicas, RecoveryBound, cancellationToken);
        await Eventually.UntilAsync(() => FaultWindow.First(timeline.Events, s => s == FaultSeries.ExchangeAccepted, restarted) is not null, RecoveryBound, cancellationToken);
        await Task.Delay(Baseline, cancellationToken);

        // The announcement path is back: a revocation made on A reaches a co-pilot on B well inside the poll interval.
        var copilot = agents.Copilots[0];
        var (afterIssued, _, afterError) = await FaultCalls.RevokeAsync(admin, environment.AdminToken, copilot.Client.SessionId, "fault run: after restart", cancellationToken);
        await ((Task)copilot.Probe.Revoked.WaitAsync(DeliveryBound, cancellationToken)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        var afterRestartMs = copilot.Probe.Revoked.IsCompletedSuccessfully ? Stopwatch.GetElapsedTime(afterIssued, copilot.Probe.RevokedAtTimestamp).TotalMilliseconds : double.NaN;
        await Task.Delay(TimeSpan.FromMilliseconds(500), cancellationToken);
        await load.StopAsync();

        var report = new FaultReport(Name, $"Redis SIGKILLed a third into a storm of {storm.Count:N0} single revocations (agents on replica B, revoked on A), then restarted empty", storm.Count, timeline);
        var events = timeline.Events;
        var latency = Enumerable.Range(0, storm.Count)
            .Where(index => storm[index].Probe.Revoked.IsCompletedSuccessfully)
            .Select(index => (AfterKill: timeline.MsOf(issued[index]) >= killed, Ms: Stopwatch.GetElapsedTime(issued[index], storm[index].Probe.RevokedAtTimestamp).TotalMilliseconds))
            .ToList();
        var beforeKill = Distribution.Of(latency.Where(l => !l.AfterKill).Select(l => l.Ms));
        var afterKill = Distribution.Of(latency.Where(l => l.AfterKill).Select(l => l.Ms));
        var lost = storm.Count(agent => agent.RevokedCount == 0);
        var duplicated = storm.Count(agent => agent.RevokedCount > 1);
        var callErrors = errors.Count(error => error is not null);
        var firstRefusedExchange = FaultWindow.First(events, FaultSeries.IsExchangeRefused, killed);
        var firstRefusedDecision = FaultWindow.First(events, s => FaultSeries.IsDecisionRefused(s) && s != FaultSeries.DecisionRefused("session-revoked"), killed);
        var firstAccepted = FaultWindow.First(events, s => s == FaultSeries.ExchangeAccepted, restarted);

        report.Figure("agents revoked in the storm", storm.Count, "agents");
        report.Figure("revocations issued after the kill", latency.Count(l => l.AfterKill), "revocations");
        report.Figure("revoke calls that failed", callErrors, "calls");
        report.Figure("Redis down (gone → restart issued)", restarted - killed, "ms");
        report.Figure("storm: first revoke call → last revoke call returned", timeline["storm issued"] - timeline["storm starts"], "ms");
        report.Figure("kill → every agent revoked (SDK Revoked)", FaultWindow.Since(killed, allDelivered), "ms");
        report.Figure("last revoke call returned → every agent revoked", FaultWindow.Since(timeline["storm issued"], allDelivered), "ms");
        report.Figure("issued → delivered before the kill, p50", beforeKill.P50, "ms");
        report.Figure("issued → delivered before the kill, max", beforeKill.Max, "ms");
        report.Figure("issued → delivered after the kill (log poll), p50", afterKill.P50, "ms");
        report.Figure("issued → delivered after the kill (log poll), p99", afterKill.P99, "ms");
        report.Figure("issued → delivered after the kill (log poll), max", afterKill.Max, "ms");
        report.Figure("revocations lost (no Revoked event)", lost, "agents");
        report.Figure("revocations duplicated (Revoked twice)", duplicated, "agents");
        report.Figure("storm sessions revoked in PostgreSQL", revokedInPostgres, "sessions");
        report.Figure("kill → first exchange refused", FaultWindow.Since(killed, firstRefusedExchange), "ms");
        report.Figure("kill → first decision refused for the outage (not session-revoked)", FaultWindow.Since(killed, firstRefusedDecision), "ms");
        report.Figure("decisions allowed while Redis was down", FaultWindow.Count(events, s => s == FaultSeries.DecisionAllowed, killed, restarted), "decisions");
        report.Figure("decisions refused while Redis was down", FaultWindow.Count(events, FaultSeries.IsDecisionRefused, killed, restarted), "decisions");
        report.Figure("exchanges refused while Redis was down", FaultWindow.Count(events, FaultSeries.IsExchangeRefused, killed, restarted), "exchanges");
        report.Figure("exchanges answered 500 (whole run)", FaultWindow.Count(events, FaultSeries.IsExchange500, 0, double.MaxValue), "exchanges");
        report.Figure("restart → first exchange accepted", FaultWindow.Since(restarted, firstAccepted), "ms");
        report.Figure("restart → both replicas healthy", healthyAt is { } at ? timeline.MsOf(at) - restarted : double.NaN, "ms");
        report.Figure("after restart: revoked on A → pushed on B", afterRestartMs, "ms");

        foreach (var (series, count) in FaultWindow.CountBySeries(events, s => FaultSeries.IsDecisionRefused(s) || FaultSeries.IsExchangeRefused(s), killed, restarted))
        {
            report.Note($"while Redis was down: {count:N0} × {series}");
        }

        report.Check("zero revocations lost", lost == 0 && callErrors == 0, $"{lost} agents without Revoked, {callErrors} revoke calls failed");
        report.Check("no revocation delivered twice", duplicated == 0, $"{duplicated} agents got Revoked twice");
        report.Check("every storm session revoked in PostgreSQL", revokedInPostgres == storm.Count, $"{revokedInPostgres:N0} of {storm.Count:N0}");
        report.Check("no exchange answered 500", FaultWindow.Count(events, FaultSeries.IsExchange500, 0, double.MaxValue) == 0, "see the figure above");
        report.Check("exchanges accepted again by themselves after the restart", firstAccepted is not null, $"{FaultWindow.Since(restarted, firstAccepted):0} ms after the restart");
        report.Check("replicas healthy again by themselves", healthyAt is not null, healthyAt is null ? "not within 30 s" : "yes");
        report.Check("a revocation after the restart delivered", afterError is null && double.IsFinite(afterRestartMs), $"{afterRestartMs:0} ms, made on A, pushed on B");
        report.Note("Whether that revocation came by the announcement or by the 250 ms poll can only be told from its latency on a quiet machine.");

        report.Window("Redis down", killed, restarted);
        report.Line(new FaultLine("decisions allowed", s => s == FaultSeries.DecisionAllowed));
        report.Line(new FaultLine("decisions refused (server)", FaultSeries.IsDecisionRefused));
        report.Line(new FaultLine("exchanges accepted", s => s == FaultSeries.ExchangeAccepted));
        report.Line(new FaultLine("exchanges refused", FaultSeries.IsExchangeRefused));
        report.Line(new FaultLine("revocations delivered", s => s == FaultSeries.RevocationDelivered, RightAxis: true));
        return report;
    }
}
