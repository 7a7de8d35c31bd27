using System.Diagnostics;
using Microsoft.Extensions.Options;
using RealTimeAuth.AgentSimulator.Agents;
using RealTimeAuth.AgentSimulator.Configuration;
using RealTimeAuth.AgentSimulator.Telemetry;

namespace RealTimeAuth.AgentSimulator.Scenarios;

/// <summary>
/// Runs one scenario: the portal user signs in, the co-pilot delegates to its agents, the agents work; after
/// <see cref="RunOptions.TriggerAfter"/> the trigger fires; the run waits for the agents it should stop, lets the rest
/// work until the run's duration is up, judges everyone and prints a summary.
/// </summary>
internal sealed class ScenarioRunner(
    AgentTeamBuilder teams,
    IOptions<SimulatorOptions> options,
    SimulatorTelemetry telemetry,
    SummaryConsole console,
    TimeProvider time,
    ILoggerFactory loggerFactory)
{
    private readonly ILogger _logger = loggerFactory.CreateLogger<ScenarioRunner>();
    private readonly ILogger _agentLogger = loggerFactory.CreateLogger<AgentWorker>();

    /// <param name="trigger">An available trigger.</param>
    /// <param name="duration">From the first action to the end of the run; null runs until <paramref name="cancellationToken"/> fires.</param>
    /// <param name="cancellationToken">Ends the run early; the report says so.</param>
    public async Task<ScenarioReport> RunAsync(IScenarioTrigger trigger, TimeSpan? duration, CancellationToken cancellationToken)
    {
        var run = options.Value.Run;
        var runId = AgentIdentities.NewRunId();
        using var activity = SimulatorTelemetry.ActivitySource.StartActivity("simulator.scenario");
        activity?.SetTag(SimulatorTelemetry.Tags.Scenario, trigger.Name);
        activity?.SetTag(SimulatorTelemetry.Tags.RunId, runId);
        _logger.ScenarioStarting(trigger.Name, runId, options.Value.PortalUser.Email);

        await using var team = await teams.AssembleAsync(runId, options.Value.PortalUser, AgentProfiles.Demo, cancellationToken).ConfigureAwait(false);
        await trigger.PrepareAsync(new ScenarioContext(team), cancellationToken).ConfigureAwait(false);
        using var coPilot = new RevocationWatch(team.CoPilot);
        var startedAt = time.GetUtcNow();
        var phase = new RunPhase();
        var settings = new AgentWorkerSettings { Interval = run.ActionInterval, WorkDuration = run.WorkDuration, TraceActions = true };
        var workers = team.Members
            .Select(member => new AgentWorker(member.Session, member.Profile, settings, phase, ActionBudget.Unlimited, telemetry, time, _agentLogger))
            .ToList();

        using var endOfRun = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var working = StartDetached(workers, endOfRun.Token);
        TriggerOutcome? outcome = null;
        string? triggerError = null;
        var endedEarly = false;
        try
        {
            await Task.Delay(run.TriggerAfter, time, cancellationToken).ConfigureAwait(false);
            (outcome, triggerError) = await FireAsync(trigger, new ScenarioContext(team), cancellationToken).ConfigureAwait(false);
            // Marked once the change has taken effect: a decision the server made just before it (answered a moment later)
            // must not count as "after the trigger". Stop latencies are measured from the server's event time, not from here.
            phase.MarkTriggered(time.GetUtcNow());
            await WaitForStopsAsync(workers, outcome?.ExpectedToStop ?? [], run.StopTimeout, cancellationToken).ConfigureAwait(false);
            await Task.Delay(Remaining(duration, startedAt), time, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            endedEarly = true;
        }
        finally
        {
            await endOfRun.CancelAsync().ConfigureAwait(false);
            await Task.WhenAll(working).ConfigureAwait(false);
        }

        var report = Report(trigger, team, coPilot, workers, phase, outcome, triggerError, startedAt, endedEarly);
        activity?.SetTag(SimulatorTelemetry.Tags.Verdict, report.Verdict.Passed ? "passed" : "failed");
        telemetry.RecordScenarioRun(trigger.Name, report.Verdict.Passed);
        console.Write(ScenarioSummaryFormatter.Format(report));
        _logger.ScenarioFinished(trigger.Name, runId, report.Verdict.Summary);
        return report;
    }

    private async Task<(TriggerOutcome?, string?)> FireAsync(IScenarioTrigger trigger, ScenarioContext context, CancellationToken cancellationToken)
    {
        using var activity = SimulatorTelemetry.ActivitySource.StartActivity("simulator.trigger");
        activity?.SetTag(SimulatorTelemetry.Tags.Scenario, trigger.Name);
        try
        {
            var outcome = await trigger.FireAsync(context, cancellationToken).ConfigureAwait(false);
            activity?.SetTag(SimulatorTelemetry.Tags.EventSequence, outcome.EventSequence);
            _logger.TriggerFired(trigger.Name, context.RunId, outcome.Description);
            return (outcome, null);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            activity?.SetStatus(ActivityStatusCode.Error, exception.Message);
            _logger.TriggerFailed(trigger.Name, context.RunId, exception);
            return (null, exception.Message);
        }
    }

    private async Task WaitForStopsAsync(List<AgentWorker> workers, IReadOnlyList<string> expected, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var stopping = workers.Where(worker => expected.Contains(worker.Record.AgentId)).Select(worker => worker.Record.Done).ToList();
        try
        {
            await Task.WhenAll(stopping).WaitAsync(timeout, time, cancellationToken).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            // The verdict names every agent that did not stop in time.
        }
    }

    private TimeSpan Remaining(TimeSpan? duration, DateTimeOffset startedAt)
    {
        if (duration is not { } length)
        {
            return Timeout.InfiniteTimeSpan;
        }

        var left = length - (time.GetUtcNow() - startedAt);
        return left > TimeSpan.Zero ? left : TimeSpan.Zero;
    }

    /// <summary>Starts the loops outside the run's span, so each action's span is its own trace rather than a child of a run that may never end.</summary>
    private static Task[] StartDetached(List<AgentWorker> workers, CancellationToken endOfRun)
    {
        var parent = Activity.Current;
        Activity.Current = null;
        try
        {
            return [.. workers.Select(worker => Task.Run(() => worker.RunAsync(endOfRun), CancellationToken.None))];
        }
        finally
        {
            Activity.Current = parent;
        }
    }

    private ScenarioReport Report(
        IScenarioTrigger trigger,
        AgentTeam team,
        RevocationWatch coPilot,
        List<AgentWorker> workers,
        RunPhase phase,
        TriggerOutcome? outcome,
        string? triggerError,
        DateTimeOffset startedAt,
        bool endedEarly)
    {
        var expected = outcome?.ExpectedToStop ?? [];
        var agents = workers.Select(worker => worker.Record.ToReport(expected.Contains(worker.Record.AgentId))).ToList();
        var verdict = phase.IsTriggered || !endedEarly
            ? ScenarioVerdict.Judge(outcome, triggerError, agents, coPilot.Revocation is not null)
            : new VerdictReport(false, "NOT JUDGED: the run ended before its trigger fired.", []);
        return new ScenarioReport
        {
            Scenario = trigger.Name,
            Description = trigger.Description,
            RunId = team.RunId,
            User = team.UserEmail,
            StartedAt = startedAt,
            TriggeredAt = phase.TriggeredAt,
            EndedAt = time.GetUtcNow(),
            EndedEarly = endedEarly,
            CoPilot = new CoPilotReport(team.CoPilot.AgentId, team.CoPilot.SessionId, team.CoPilot.Scopes, coPilot.Revocation is not null, coPilot.Revocation?.Reason),
            Trigger = outcome is null && triggerError is null
                ? null
                : new TriggerReport(
                    outcome?.Description ?? "The trigger failed.",
                    expected,
                    outcome?.ExpectedDeniedActions ?? [],
                    outcome?.RevokedSessionIds ?? [],
                    outcome?.EventSequence,
                    triggerError)
                {
                    Attacks = outcome?.Attacks ?? [],
                },
            Agents = agents,
            Verdict = verdict,
        };
    }
}
