using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace RealTimeAuth.Sdk.Telemetry;

/// <summary>The SDK's spans and instruments. Tags carry ids and reason codes, never a token.</summary>
internal sealed class RtaSdkTelemetry : IDisposable
{
    public static readonly ActivitySource ActivitySource = new(RtaTelemetry.ActivitySourceName);

    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly Counter<long> _exchanges;
    private readonly Counter<long> _decisions;
    private readonly Counter<long> _denials;
    private readonly Counter<long> _reconnects;
    private readonly Histogram<double> _revocationLatency;

    public RtaSdkTelemetry(IMeterFactory? meterFactory)
    {
        _ownsMeter = meterFactory is null;
        _meter = meterFactory?.Create(RtaTelemetry.MeterName) ?? new Meter(RtaTelemetry.MeterName);
        _exchanges = _meter.CreateCounter<long>("rta.sdk.exchanges", "{exchange}", "Token exchanges attempted.");
        _decisions = _meter.CreateCounter<long>("rta.sdk.decisions", "{decision}", "Authorization decisions returned to the agent.");
        _denials = _meter.CreateCounter<long>("rta.sdk.denials", "{decision}", "Authorization decisions that denied.");
        _reconnects = _meter.CreateCounter<long>("rta.sdk.reconnects", "{reconnect}", "Live channel reconnect attempts.");
        _revocationLatency = _meter.CreateHistogram<double>(
            "rta.sdk.revocation.latency",
            "ms",
            "From the server committing a revocation to this client receiving it.");
    }

    public void RecordExchange(string? error) =>
        _exchanges.Add(1, new KeyValuePair<string, object?>(Tags.ErrorType, error));

    public void RecordDecision(RtaAuthorizationResult result)
    {
        var local = new KeyValuePair<string, object?>(Tags.DecidedLocally, result.DecidedLocally);
        _decisions.Add(1, new KeyValuePair<string, object?>(Tags.Decision, result.Allowed ? "allow" : "deny"), local);
        if (!result.Allowed)
        {
            _denials.Add(1, new KeyValuePair<string, object?>(Tags.Reason, result.Reason), local);
        }
    }

    public void RecordReconnect() => _reconnects.Add(1);

    /// <summary>A span for the revocation and, when the event time is known, the event-to-receipt latency.</summary>
    public void RecordRevocation(string sessionId, string reason, long? eventSequence, double? latencyMs)
    {
        using (var activity = ActivitySource.StartActivity("rta.revocation", ActivityKind.Consumer))
        {
            activity?.SetTag(Tags.SessionId, sessionId);
            activity?.SetTag(Tags.Reason, reason);
            activity?.SetTag(Tags.EventSequence, eventSequence);
            activity?.SetTag(Tags.LatencyMs, latencyMs);
        }

        if (latencyMs is { } milliseconds)
        {
            // A client clock behind the server's gives a negative difference; the span keeps it, the histogram takes 0.
            _revocationLatency.Record(Math.Max(0, milliseconds), new KeyValuePair<string, object?>(Tags.Reason, reason));
        }
    }

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
        public const string SessionId = "rta.session_id";
        public const string AgentId = "rta.agent_id";
        public const string Delegated = "rta.delegated";
        public const string Action = "rta.action";
        public const string ResourceType = "rta.resource_type";
        public const string Decision = "rta.decision";
        public const string DecidedLocally = "rta.decided_locally";
        public const string Reason = "rta.reason";
        public const string PolicyVersion = "rta.policy_version";
        public const string EventSequence = "rta.event_sequence";
        public const string LatencyMs = "rta.revocation.latency_ms";
        public const string Attempt = "rta.reconnect.attempt";
        public const string DelayMs = "rta.reconnect.delay_ms";
        public const string ErrorType = "error.type";
    }
}
