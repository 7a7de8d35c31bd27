using System.Diagnostics;
using System.Diagnostics.Metrics;
using RealTimeAuth.Sdk;

namespace RealTimeAuth.AgentSimulator.Telemetry;

/// <summary>
/// The simulator's spans and instruments, named <c>RealTimeAuth.Simulator</c> so the service defaults export them.
/// Tags carry agent ids, kinds, actions and reason codes; never a token or password.
/// </summary>
internal sealed class SimulatorTelemetry : IDisposable
{
    public const string Name = "RealTimeAuth.Simulator";

    public static readonly ActivitySource ActivitySource = new(Name);

    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly Counter<long> _decisions;
    private readonly Counter<long> _denials;
    private readonly Counter<long> _authorizeErrors;
    private readonly Counter<long> _agentsStopped;
    private readonly Counter<long> _scenarioRuns;
    private readonly Histogram<double> _authorizeDuration;
    private readonly Histogram<double> _exchangeDuration;
    private readonly Histogram<double> _eventToReceive;
    private readonly Histogram<double> _eventToStop;

    public SimulatorTelemetry(IMeterFactory? meterFactory)
    {
        _ownsMeter = meterFactory is null;
        _meter = meterFactory?.Create(Name) ?? new Meter(Name);
        _decisions = _meter.CreateCounter<long>("rta.simulator.decisions", "{decision}", "Decisions the simulated agents asked for before acting.");
        _denials = _meter.CreateCounter<long>("rta.simulator.denials", "{decision}", "Decisions that denied; the agent did not act.");
        _authorizeErrors = _meter.CreateCounter<long>("rta.simulator.authorize.errors", "{call}", "Authorization calls that failed in transport; the agent did not act.");
        _agentsStopped = _meter.CreateCounter<long>("rta.simulator.agents.stopped", "{agent}", "Agents that stopped because their session ended.");
        _scenarioRuns = _meter.CreateCounter<long>("rta.simulator.scenario.runs", "{run}", "Scenario runs by verdict.");
        _authorizeDuration = _meter.CreateHistogram<double>("rta.simulator.authorize.duration", "ms", "AuthorizeAsync as the agent sees it.");
        _exchangeDuration = _meter.CreateHistogram<double>("rta.simulator.exchange.duration", "ms", "Token exchange and stream start of a co-pilot or a delegated agent.");
        _eventToReceive = _meter.CreateHistogram<double>(
            "rta.simulator.revocation.event_to_receive", "ms", "From the server committing a revocation to the agent receiving it on its stream.");
        _eventToStop = _meter.CreateHistogram<double>(
            "rta.simulator.revocation.event_to_stop", "ms", "From the server committing a revocation to the agent having stopped working.");
    }

    public void RecordDecision(string agentKind, string action, string resourceType, RtaAuthorizationResult result, TimeSpan elapsed)
    {
        var kind = new KeyValuePair<string, object?>(Tags.AgentKind, agentKind);
        var act = new KeyValuePair<string, object?>(Tags.Action, $"{action} {resourceType}");
        var decision = new KeyValuePair<string, object?>(Tags.Decision, result.Allowed ? "allow" : "deny");
        _decisions.Add(1, kind, act, decision);
        _authorizeDuration.Record(elapsed.TotalMilliseconds, kind, decision);
        if (!result.Allowed)
        {
            _denials.Add(1, kind, act, new KeyValuePair<string, object?>(Tags.Reason, result.Reason));
        }
    }

    public void RecordAuthorizeError(string agentKind) =>
        _authorizeErrors.Add(1, new KeyValuePair<string, object?>(Tags.AgentKind, agentKind));

    public void RecordExchange(TimeSpan elapsed, bool delegated) =>
        _exchangeDuration.Record(elapsed.TotalMilliseconds, new KeyValuePair<string, object?>(Tags.Delegated, delegated));

    /// <summary>An agent stopped; the latencies are known when the server said when it committed the event.</summary>
    public void RecordStop(string agentKind, string reason, double? eventToReceiveMs, double? eventToStopMs)
    {
        var tag = new KeyValuePair<string, object?>(Tags.Reason, reason);
        _agentsStopped.Add(1, tag, new KeyValuePair<string, object?>(Tags.AgentKind, agentKind));

        // Clocks of server and simulator may disagree by a little; a negative difference is kept in logs, recorded as 0 here.
        if (eventToReceiveMs is { } received)
        {
            _eventToReceive.Record(Math.Max(0, received), tag);
        }

        if (eventToStopMs is { } stopped)
        {
            _eventToStop.Record(Math.Max(0, stopped), tag);
        }
    }

    public void RecordScenarioRun(string scenario, bool passed) =>
        _scenarioRuns.Add(1, new KeyValuePair<string, object?>(Tags.Scenario, scenario), new KeyValuePair<string, object?>(Tags.Verdict, passed ? "passed" : "failed"));

    public void Dispose()
    {
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }

    /// <summary>Span and metric tag names.</summary>
    public static class Tags
    {
        public const string AgentId = "simulator.agent.id";
        public const string AgentKind = "simulator.agent.kind";
        public const string SessionId = "rta.session.id";
        public const string Action = "simulator.action";
        public const string ResourceId = "simulator.resource.id";
        public const string Decision = "rta.decision";
        public const string Reason = "rta.reason";
        public const string Delegated = "rta.delegated";
        public const string Scenario = "simulator.scenario";
        public const string RunId = "simulator.run.id";
        public const string Verdict = "simulator.verdict";
        public const string EventSequence = "rta.event.sequence";
        public const string EventToReceiveMs = "simulator.event_to_receive_ms";
        public const string EventToStopMs = "simulator.event_to_stop_ms";
    }
}
