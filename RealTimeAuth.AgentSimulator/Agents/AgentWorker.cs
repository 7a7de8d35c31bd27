using System.Diagnostics;
using System.Globalization;
using RealTimeAuth.AgentSimulator.Telemetry;
using RealTimeAuth.Sdk;

namespace RealTimeAuth.AgentSimulator.Agents;

/// <summary>
/// One agent's loop: ask before every action, act only on allow, record every deny; when the session is revoked on its
/// stream, stop at once (the pending call, the action under way and the pause are all cancelled) and record how long after
/// the server committed the event the agent received it and stopped.
/// </summary>
internal sealed class AgentWorker
{
    private readonly IAgentSession _session;
    private readonly AgentProfile _profile;
    private readonly AgentWorkerSettings _settings;
    private readonly RunPhase _phase;
    private readonly IActionBudget _budget;
    private readonly SimulatorTelemetry _telemetry;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    public AgentWorker(
        IAgentSession session,
        AgentProfile profile,
        AgentWorkerSettings settings,
        RunPhase phase,
        IActionBudget budget,
        SimulatorTelemetry telemetry,
        TimeProvider time,
        ILogger logger)
    {
        if (profile.Actions.Count == 0)
        {
            throw new ArgumentException($"The profile {profile.Kind} has no actions.", nameof(profile));
        }

        _session = session;
        _profile = profile;
        _settings = settings;
        _phase = phase;
        _budget = budget;
        _telemetry = telemetry;
        _time = time;
        _logger = logger;
        Record = new AgentRecord(session.AgentId, profile.Kind, session.SessionId, session.ParentSessionId, session.Scopes);
    }

    public AgentRecord Record { get; }

    /// <summary>Works until the session ends or <paramref name="cancellationToken"/> (the end of the run) fires. Never throws.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        void OnRevoked(object? sender, RtaRevokedEventArgs revocation)
        {
            if (Record.TryMarkRevoked(revocation))
            {
                Cancel(stop);
            }
        }

        _session.Revoked += OnRevoked;
        string? failure = null;
        try
        {
            await WorkAsync(stop.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
        }
        catch (Exception exception)
        {
            failure = exception.Message;
            _logger.AgentFailed(_session.AgentId, exception);
        }
        finally
        {
            _session.Revoked -= OnRevoked;
        }

        Finish(failure);
    }

    private async Task WorkAsync(CancellationToken stop)
    {
        if (_settings.InitialDelay > TimeSpan.Zero)
        {
            await Task.Delay(_settings.InitialDelay, _time, stop).ConfigureAwait(false);
        }

        for (var step = 0; ; step++)
        {
            if (!_budget.TryTake())
            {
                // Out of actions: stay connected and idle until the session ends or the run does.
                await Task.Delay(Timeout.InfiniteTimeSpan, _time, stop).ConfigureAwait(false);
            }

            var action = _profile.Actions[step % _profile.Actions.Count];
            if (!await StepAsync(action, ResourceIdFor(action, step), stop).ConfigureAwait(false))
            {
                return;
            }

            await Task.Delay(_settings.Interval, _time, stop).ConfigureAwait(false);
        }
    }

    /// <summary>One decision and, when allowed, the action; false when the session has ended.</summary>
    private async Task<bool> StepAsync(AgentAction action, string resourceId, CancellationToken stop)
    {
        using var activity = _settings.TraceActions ? SimulatorTelemetry.ActivitySource.StartActivity("simulator.action") : null;
        activity?.SetTag(SimulatorTelemetry.Tags.AgentId, _session.AgentId);
        activity?.SetTag(SimulatorTelemetry.Tags.AgentKind, _profile.Kind);
        activity?.SetTag(SimulatorTelemetry.Tags.Action, action.Key);
        activity?.SetTag(SimulatorTelemetry.Tags.ResourceId, resourceId);

        var started = _time.GetTimestamp();
        RtaAuthorizationResult decision;
        try
        {
            decision = await _session.AuthorizeAsync(action, resourceId, stop).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Record.CountError();
            _telemetry.RecordAuthorizeError(_profile.Kind);
            _logger.AuthorizeFailed(_session.AgentId, action.Name, action.ResourceType, exception);
            activity?.SetStatus(ActivityStatusCode.Error, "authorize-failed");
            return true;
        }

        var elapsed = _time.GetElapsedTime(started);
        var afterTrigger = _phase.IsTriggered;
        _settings.AuthorizeLatency?.Record(elapsed);
        Record.CountDecision(action, decision, afterTrigger);
        _telemetry.RecordDecision(_profile.Kind, action.Name, action.ResourceType, decision, elapsed);
        activity?.SetTag(SimulatorTelemetry.Tags.Decision, decision.Allowed ? "allow" : "deny");
        activity?.SetTag(SimulatorTelemetry.Tags.Reason, decision.Reason);
        if (!decision.Allowed)
        {
            _logger.ActionDenied(_session.AgentId, action.Name, action.ResourceType, resourceId, decision.Reason);
            if (decision.DecidedLocally)
            {
                // The SDK answered without asking: the session ended before this loop heard of it.
                Record.MarkEnded(decision.Reason);
                return false;
            }

            return true;
        }

        // A revocation that arrived while the decision was on its way wins: never act for an ended session.
        stop.ThrowIfCancellationRequested();
        _logger.ActionAllowed(_session.AgentId, action.Name, action.ResourceType, resourceId);
        if (_settings.WorkDuration > TimeSpan.Zero)
        {
            await Task.Delay(_settings.WorkDuration, _time, stop).ConfigureAwait(false);
        }

        Record.CountPerformed(afterTrigger, _time.GetUtcNow());
        return true;
    }

    private void Finish(string? failure)
    {
        var now = _time.GetUtcNow();
        if (Record.EndReason is not { } reason)
        {
            Record.Complete(stoppedAt: null, failure);
            return;
        }

        Record.Complete(now, failure: null);
        var report = Record.ToReport(expectedToStop: false).Revocation!;
        _telemetry.RecordStop(_profile.Kind, reason, report.EventToReceiveMs, report.EventToStopMs);
        using var activity = SimulatorTelemetry.ActivitySource.StartActivity("simulator.agent.stopped");
        activity?.SetTag(SimulatorTelemetry.Tags.AgentId, _session.AgentId);
        activity?.SetTag(SimulatorTelemetry.Tags.SessionId, _session.SessionId);
        activity?.SetTag(SimulatorTelemetry.Tags.Reason, reason);
        activity?.SetTag(SimulatorTelemetry.Tags.EventSequence, report.EventSequence);
        activity?.SetTag(SimulatorTelemetry.Tags.EventToReceiveMs, report.EventToReceiveMs);
        activity?.SetTag(SimulatorTelemetry.Tags.EventToStopMs, report.EventToStopMs);
        if (report.Pushed)
        {
            _logger.AgentStopped(_session.AgentId, _session.SessionId, reason, report.EventSequence, report.EventToReceiveMs, report.EventToStopMs);
        }
        else
        {
            _logger.AgentStoppedWithoutEvent(_session.AgentId, _session.SessionId, reason);
        }
    }

    private static string ResourceIdFor(AgentAction action, int step) =>
        string.Create(CultureInfo.InvariantCulture, $"{action.ResourceType}-{step % 100:D3}");

    private static void Cancel(CancellationTokenSource stop)
    {
        try
        {
            // Cancels on the thread pool, so the SDK's live channel loop is not held up by the agent's unwinding.
            _ = stop.CancelAsync();
        }
        catch (ObjectDisposedException)
        {
            // The loop had already finished.
        }
    }
}
