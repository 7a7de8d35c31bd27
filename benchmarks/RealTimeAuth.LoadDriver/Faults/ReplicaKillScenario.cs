using System.Diagnostics;
using RealTimeAuth.LoadDriver.Cli;
using RealTimeAuth.LoadDriver.Reporting;
using RealTimeAuth.Sdk;
using RealTimeAuth.Testing;

namespace RealTimeAuth.LoadDriver.Faults;

/// <summary>
/// A replica SIGKILLed under its agents (ADR 0022). Two replicas in child processes; every agent streams from the
/// victim and knows the survivor's live channel (<see cref="RtaClientOptions.LiveChannelFallbackAddresses"/>), with
/// the SDK's default backoff. Right after the kill every tenth agent is revoked on the survivor, while the agents are
/// still moving: each of those must get its revocation once, the others none, and all keep their sessions.
/// </summary>
internal static class ReplicaKillScenario
{
    public const string Name = "replica";

    private const int RevokeEvery = 10;
    private const int Parallelism = 8;
    private const string Killed = "victim SIGKILLed";
    private static readonly TimeSpan Baseline = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan ReconnectBound = TimeSpan.FromSeconds(60);

    public static async Task<FaultReport> RunAsync(FaultsSettings settings, CancellationToken cancellationToken)
    {
        var timeline = new FaultTimeline();
        await using var environment = await FaultEnvironment.StartAsync("faults_replica", 2, new Dictionary<string, string?>(), cancellationToken);
        var (survivor, victim) = (environment.Replicas[0], environment.Replicas[1]);
        Progress.Write($"Connecting {settings.Agents:N0} agents to the victim replica (fallback: the survivor)…");
        await using var agents = await FaultAgents.ConnectAsync(
            () => environment.CopilotFactory(victim, [survivor.GrpcAddress]), environment.UserToken, settings.Agents, timeline, cancellationToken);
        var all = agents.Agents;
        if (!await Eventually.UntilAsync(() => all.All(agent => agent.Client.LastSequence > 0), ReconnectBound, cancellationToken))
        {
            throw new TimeoutException("Not every agent read a first message from the victim.");
        }

        var before = all.ToDictionary(agent => agent, agent => (agent.Client.SessionId, agent.Client.LastSequence));
        await using var load = new SteadyLoad(new DecisionLoop(all, timeline, workers: 4, TimeSpan.FromMilliseconds(20)), exchanges: null);
        await Task.Delay(Baseline, cancellationToken);

        Progress.Write("SIGKILL to the victim; revoking every tenth agent on the survivor at once…");
        var killedAt = Stopwatch.GetTimestamp();
        FaultEnvironment.Kill(victim);
        var killed = timeline.MsOf(killedAt);
        timeline.Mark(Killed);
        var revoked = all.Where((_, index) => index % RevokeEvery == 0).ToList();
        var kept = all.Where((_, index) => index % RevokeEvery != 0).ToList();
        var sequences = new Dictionary<WatchedAgent, long?>();
        var revokeIssued = new Dictionary<WatchedAgent, long>();
        var callErrors = 0;
        using (var admin = FaultEnvironment.CreateHttpClient(survivor))
        {
            var results = new (long Issued, long? Sequence, string? Error)[revoked.Count];
            await Parallel.ForEachAsync(
                Enumerable.Range(0, revoked.Count),
                new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
                async (index, token) => results[index] = await FaultCalls.RevokeAsync(admin, environment.AdminToken, revoked[index].Client.SessionId, "fault run: while moving", token));
            for (var index = 0; index < revoked.Count; index++)
            {
                sequences[revoked[index]] = results[index].Sequence;
                revokeIssued[revoked[index]] = results[index].Issued;
                callErrors += results[index].Error is null ? 0 : 1;
            }
        }

        timeline.Mark("revocations issued");
        var back = await Eventually.UntilAsync(
            () => kept.All(agent => agent.ConnectedAfter(killedAt) is not null) && revoked.All(agent => agent.Probe.Revoked.IsCompleted),
            ReconnectBound,
            cancellationToken,
            TimeSpan.FromMilliseconds(50));
        timeline.Mark("all back or revoked");
        foreach (var agent in kept)
        {
            if (agent.ConnectedAfter(killedAt) is { } at)
            {
                timeline.Record(FaultSeries.Reconnected, at);
            }
        }

        Progress.Write("Checking sessions on the survivor…");
        var decisions = new bool[kept.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, kept.Count),
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellationToken },
            async (index, token) => decisions[index] = (await kept[index].Client.AuthorizeAsync("read", "records", "r-1", cancellationToken: token)).Allowed);

        // A duplicate would come within a push's time; give it a generous one before counting.
        await Task.Delay(TimeSpan.FromSeconds(2), cancellationToken);
        await load.StopAsync();

        var reconnect = Distribution.Of(kept.Select(agent => agent.ConnectedAfter(killedAt)).OfType<long>().Select(at => Stopwatch.GetElapsedTime(killedAt, at).TotalMilliseconds));
        var delivery = Distribution.Of(revoked.Where(agent => agent.Probe.Revoked.IsCompletedSuccessfully)
            .Select(agent => Stopwatch.GetElapsedTime(killedAt, agent.Probe.RevokedAtTimestamp).TotalMilliseconds));
        var issuedToDelivered = Distribution.Of(revoked.Where(agent => agent.Probe.Revoked.IsCompletedSuccessfully)
            .Select(agent => Stopwatch.GetElapsedTime(revokeIssued[agent], agent.Probe.RevokedAtTimestamp).TotalMilliseconds));
        var lost = revoked.Count(agent => agent.RevokedCount == 0);
        var duplicated = revoked.Count(agent => agent.RevokedCount > 1);
        var unexpected = kept.Count(agent => agent.RevokedCount > 0);
        var wrongSequence = revoked.Count(agent => agent.Probe.Revoked.IsCompletedSuccessfully && agent.Probe.Revoked.Result.EventSequence != sequences[agent]);
        var sameSession = kept.Count(agent => agent.Client.SessionId == before[agent].SessionId);
        var resumed = kept.Count(agent => agent.Client.LastSequence > before[agent].LastSequence);
        var allowed = decisions.Count(ok => ok);
        var events = timeline.Events;

        var report = new FaultReport(Name, $"A replica SIGKILLed under {all.Count:N0} agents; {revoked.Count} revoked on the survivor while they move", all.Count, timeline);
        report.Figure("agents on the killed replica", all.Count, "agents");
        report.Figure("kill → agent back on the survivor, p50", reconnect.P50, "ms");
        report.Figure("kill → agent back on the survivor, p90", reconnect.P90, "ms");
        report.Figure("kill → agent back on the survivor, p99", reconnect.P99, "ms");
        report.Figure("kill → agent back on the survivor, max", reconnect.Max, "ms");
        report.Figure("agents back on the survivor", reconnect.Count, "agents");
        report.Figure("revocations issued during the outage", revoked.Count, "revocations");
        report.Figure("kill → revocation delivered, p50", delivery.P50, "ms");
        report.Figure("kill → revocation delivered, max", delivery.Max, "ms");
        report.Figure("revoke call issued → delivered, p50", issuedToDelivered.P50, "ms");
        report.Figure("revoke call issued → delivered, max", issuedToDelivered.Max, "ms");
        report.Figure("kill → last revoke call returned", timeline["revocations issued"] - killed, "ms");
        report.Figure("revocations lost", lost, "agents");
        report.Figure("revocations duplicated", duplicated, "agents");
        report.Figure("revocations with another event sequence than the admin call's", wrongSequence, "agents");
        report.Figure("revocations delivered to an agent not revoked", unexpected, "agents");
        report.Figure("kept agents with the same session", sameSession, "agents");
        report.Figure("kept agents whose stream resumed past its last sequence", resumed, "agents");
        report.Figure("kept agents allowed a decision on the survivor", allowed, "agents");
        report.Figure("decisions failed or refused in the 3 s after the kill", FaultWindow.Count(events, FaultSeries.IsDecisionRefused, killed, killed + 3000), "decisions");
        report.Figure("SDK ReconnectBaseDelay (default)", new RtaClientOptions().ReconnectBaseDelay.TotalMilliseconds, "ms");

        foreach (var (series, count) in FaultWindow.CountBySeries(
            events, s => FaultSeries.IsDecisionRefused(s) || s.StartsWith(FaultSeries.StatePrefix, StringComparison.Ordinal), killed, double.MaxValue))
        {
            report.Note($"after the kill: {count:N0} × {series}");
        }

        report.Check("every agent back on the survivor by itself", back && reconnect.Count == kept.Count, $"{reconnect.Count:N0} of {kept.Count:N0} kept agents, {revoked.Count - lost} of {revoked.Count} revoked ones told");
        report.Check("sessions intact", sameSession == kept.Count && allowed == kept.Count && resumed == kept.Count, $"{sameSession} same session, {allowed} allowed, {resumed} resumed of {kept.Count}");
        report.Check("revocations of the outage delivered exactly once", lost == 0 && duplicated == 0 && unexpected == 0 && wrongSequence == 0 && callErrors == 0,
            $"lost {lost}, duplicated {duplicated}, unexpected {unexpected}, wrong sequence {wrongSequence}, failed calls {callErrors}");

        report.Window("victim gone, agents moving", killed, timeline["all back or revoked"]);
        report.Line(new FaultLine("decisions allowed", s => s == FaultSeries.DecisionAllowed));
        report.Line(new FaultLine("decisions refused or failed", FaultSeries.IsDecisionRefused));
        report.Line(new FaultLine("agents reconnected", s => s == FaultSeries.Reconnected, RightAxis: true));
        report.Line(new FaultLine("revocations delivered", s => s == FaultSeries.RevocationDelivered, RightAxis: true));
        return report;
    }
}
