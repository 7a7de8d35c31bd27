using Npgsql;
using RealTimeAuth.LoadDriver.Cli;
using RealTimeAuth.LoadDriver.Reporting;
using RealTimeAuth.Testing;

namespace RealTimeAuth.LoadDriver.Faults;

/// <summary>
/// PostgreSQL stopped abruptly (<c>pg_ctl stop -m immediate</c>) for the outage under steady decisions and exchanges on
/// one replica, then started again (ADR 0021). The replica's own settings are the defaults, so the staleness bound
/// measured is the shipped one. Afterwards the decision audit table is counted against the decisions the driver saw
/// allowed: every allowed decision is one audit row, and the rows stamped inside the outage were written late.
/// </summary>
internal static class PostgresScenario
{
    public const string Name = "postgres";

    private const int Agents = 100;
    private const string Killed = "PostgreSQL stopped";
    private const string Restarted = "pg_ctl start issued";
    private static readonly TimeSpan MaxStaleness = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Baseline = TimeSpan.FromSeconds(4);
    private static readonly TimeSpan RecoveryBound = TimeSpan.FromSeconds(45);

    public static async Task<FaultReport> RunAsync(FaultsSettings settings, CancellationToken cancellationToken)
    {
        var timeline = new FaultTimeline();
        await using var environment = await FaultEnvironment.StartAsync("faults_postgres", 1, new Dictionary<string, string?>
        {
            ["Replica:MaxStaleness"] = MaxStaleness.ToString(),
        }, cancellationToken);
        var replica = environment.Replicas[0];
        Progress.Write($"Connecting {Agents} agents…");
        await using var agents = await FaultAgents.ConnectAsync(() => environment.CopilotFactory(replica), environment.UserToken, Agents, timeline, cancellationToken);
        var auditBefore = await CountAuditAsync(environment, cancellationToken);
        var startMs = timeline.Mark("steady load starts");
        await using var load = new SteadyLoad(
            new DecisionLoop(agents.Agents, timeline, workers: 4, TimeSpan.FromMilliseconds(20)),
            new ExchangeLoop(replica, environment.UserToken, environment.Cluster.CopilotSecret, timeline, workers: 2, TimeSpan.FromMilliseconds(100)));
        await Task.Delay(Baseline, cancellationToken);

        Progress.Write($"Stopping PostgreSQL for {settings.OutageSeconds} s…");
        var stopIssued = timeline.Mark("pg_ctl stop -m immediate issued");
        await environment.Postgres.KillAsync();
        // pg_ctl returns once the postmaster is gone: the replica's last successful read was before this mark, so
        // MaxStaleness counted from it is the latest a decision may be allowed.
        var killed = timeline.Mark(Killed);
        await Task.Delay(TimeSpan.FromSeconds(settings.OutageSeconds) - TimeSpan.FromMilliseconds(timeline.NowMs - stopIssued), cancellationToken);
        Progress.Write("Starting PostgreSQL again…");
        var restarted = timeline.Mark(Restarted);
        await environment.Postgres.RestartAsync();
        var started = timeline.Mark("pg_ctl start returned");
        // This process's own pooled connections died with the server; the counts below open fresh ones.
        NpgsqlConnection.ClearAllPools();
        await Eventually.UntilAsync(() => AnswersAsync(environment, cancellationToken), RecoveryBound, cancellationToken, TimeSpan.FromMilliseconds(50));
        var answers = timeline.Mark("PostgreSQL answers queries");
        await Eventually.UntilAsync(
            () => FaultWindow.First(timeline.Events, s => s == FaultSeries.DecisionAllowed, restarted) is not null
                && FaultWindow.First(timeline.Events, s => s == FaultSeries.ExchangeAccepted, restarted) is not null,
            RecoveryBound,
            cancellationToken);
        await Task.Delay(Baseline, cancellationToken);
        await load.StopAsync();
        timeline.Mark("steady load stopped");

        var events = timeline.Events;
        var allowed = FaultWindow.Count(events, s => s == FaultSeries.DecisionAllowed, startMs, double.MaxValue);
        Progress.Write("Waiting for the decision audit to catch up…");
        await Eventually.UntilAsync(
            async () => await CountAuditAsync(environment, cancellationToken) >= auditBefore + allowed, RecoveryBound, cancellationToken, TimeSpan.FromMilliseconds(250));
        var rows = await CountAuditAsync(environment, cancellationToken);
        var duringOutage = (long)(await environment.Cluster.ScalarAsync(
            $"SELECT count(*) FROM decision_audit WHERE time >= '{timeline.WallTimeOf(killed):O}' AND time < '{timeline.WallTimeOf(restarted):O}'", cancellationToken))!;

        var lastAllowed = FaultWindow.Last(events, s => s == FaultSeries.DecisionAllowed, killed, restarted);
        var firstRefused = FaultWindow.First(events, FaultSeries.IsDecisionRefused, killed);
        var allowedAgain = FaultWindow.First(events, s => s == FaultSeries.DecisionAllowed, answers);
        var firstExchangeRefused = FaultWindow.First(events, FaultSeries.IsExchangeRefused, killed);
        var exchangeAgain = FaultWindow.First(events, s => s == FaultSeries.ExchangeAccepted, answers);
        var allowedLate = FaultWindow.Count(events, s => s == FaultSeries.DecisionAllowed, killed + MaxStaleness.TotalMilliseconds, restarted);
        var exchanges500 = FaultWindow.Count(events, FaultSeries.IsExchange500, 0, double.MaxValue);
        var exchangesOther = FaultWindow.Count(
            events, s => FaultSeries.IsExchangeRefused(s) && s != FaultSeries.Exchange(503, "temporarily_unavailable"), 0, double.MaxValue);

        var report = new FaultReport(Name, $"PostgreSQL stopped for {settings.OutageSeconds} s under steady decisions ({Agents} agents) and exchanges", Agents, timeline);
        report.Figure("Replica:MaxStaleness", MaxStaleness.TotalMilliseconds, "ms");
        report.Figure("stop → last decision allowed (sent)", FaultWindow.Since(killed, lastAllowed), "ms");
        report.Figure("stop → first decision refused (sent)", FaultWindow.Since(killed, firstRefused), "ms");
        report.Figure("decisions allowed, stop → PostgreSQL answers", FaultWindow.Count(events, s => s == FaultSeries.DecisionAllowed, killed, answers), "decisions");
        report.Figure("decisions sent later than MaxStaleness after the stop and allowed", allowedLate, "decisions");
        report.Figure("decisions refused, stop → PostgreSQL answers", FaultWindow.Count(events, FaultSeries.IsDecisionRefused, killed, answers), "decisions");
        report.Figure("pg_ctl stop took", killed - stopIssued, "ms");
        report.Figure("start issued → pg_ctl start returned", started - restarted, "ms");
        report.Figure("start issued → PostgreSQL answers a query (crash recovery)", answers - restarted, "ms");
        report.Figure("PostgreSQL answers → first decision allowed again", FaultWindow.Since(answers, allowedAgain), "ms");
        report.Figure("PostgreSQL answers → first exchange accepted again", FaultWindow.Since(answers, exchangeAgain), "ms");
        report.Figure("start issued → first decision allowed again", FaultWindow.Since(restarted, allowedAgain), "ms");
        report.Figure("stop → first exchange refused", FaultWindow.Since(killed, firstExchangeRefused), "ms");
        report.Figure("exchanges 503 temporarily_unavailable (whole run)", FaultWindow.Count(events, s => s == FaultSeries.Exchange(503, "temporarily_unavailable"), 0, double.MaxValue), "exchanges");
        report.Figure("exchanges answered 500 (whole run)", exchanges500, "exchanges");
        report.Figure("exchanges refused otherwise (whole run)", exchangesOther, "exchanges");
        report.Figure("decisions allowed (whole run, seen by the driver)", allowed, "decisions");
        report.Figure("audit rows of allowed decisions written for them", rows - auditBefore, "rows");
        report.Figure("audit rows stamped between the stop and the start (written late)", duringOutage, "rows");

        foreach (var (series, count) in FaultWindow.CountBySeries(events, s => FaultSeries.IsDecisionRefused(s) || FaultSeries.IsExchangeRefused(s), 0, double.MaxValue))
        {
            report.Note($"whole run: {count:N0} × {series}");
        }

        report.Check("no exchange answered 500", exchanges500 == 0, $"{exchanges500}");
        report.Check("exchanges refused only with 503 temporarily_unavailable", exchangesOther == 0, $"{exchangesOther} other refusals");
        report.Check(
            "decisions allowed only within MaxStaleness, refused after",
            allowedLate == 0 && firstRefused is not null,
            $"last allowed sent {FaultWindow.Since(killed, lastAllowed):0} ms, first refused sent {FaultWindow.Since(killed, firstRefused):0} ms after the stop (bound {MaxStaleness.TotalMilliseconds:0} ms)");
        report.Check("recovers by itself", allowedAgain is not null && exchangeAgain is not null, "decisions and exchanges accepted again");
        // A call that timed out or was cut short by the stop may have been decided, and audited, without the driver
        // seeing the answer: those are the only rows beyond the allowed decisions it saw.
        var unseen = FaultWindow.Count(events, s => s == FaultSeries.DecisionCutShort || s == FaultSeries.DecisionError("timeout"), startMs, double.MaxValue);
        report.Check(
            "no audit record lost",
            rows - auditBefore >= allowed && rows - auditBefore <= allowed + unseen,
            $"{rows - auditBefore:N0} rows for {allowed:N0} allowed decisions seen and {unseen} calls whose answer the driver did not see");
        report.Check("audit records of the outage written late", duringOutage > 0, $"{duringOutage:N0} rows stamped inside the outage");

        report.Window("PostgreSQL down (stop → answers a query)", killed, answers);
        report.Window("past MaxStaleness", killed + MaxStaleness.TotalMilliseconds, answers);
        report.Line(new FaultLine("decisions allowed", s => s == FaultSeries.DecisionAllowed));
        report.Line(new FaultLine("decisions refused", FaultSeries.IsDecisionRefused));
        report.Line(new FaultLine("exchanges accepted", s => s == FaultSeries.ExchangeAccepted));
        report.Line(new FaultLine("exchanges refused", FaultSeries.IsExchangeRefused));
        return report;
    }

    private static async Task<bool> AnswersAsync(FaultEnvironment environment, CancellationToken cancellationToken)
    {
        try
        {
            return await environment.Cluster.ScalarAsync("SELECT 1", cancellationToken) is 1;
        }
        catch (NpgsqlException)
        {
            return false;
        }
    }

    /// <summary>Audit rows of allowed decisions: the driver's decisions are all allowed unless refused before the decider.</summary>
    private static async Task<long> CountAuditAsync(FaultEnvironment environment, CancellationToken cancellationToken) =>
        (long)(await environment.Cluster.ScalarAsync("SELECT count(*) FROM decision_audit WHERE allowed", cancellationToken))!;
}
