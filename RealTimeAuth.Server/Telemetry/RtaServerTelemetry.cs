using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace RealTimeAuth.Server.Telemetry;

/// <summary>
/// The server's spans and meters. Tags carry ids and outcomes, never a token, key or secret.
/// </summary>
public sealed class RtaServerTelemetry : IDisposable
{
    public const string Name = "RealTimeAuth.Server";

    private readonly Meter _meter;

    public RtaServerTelemetry(IMeterFactory meterFactory)
    {
        _meter = meterFactory.Create(Name);
        Exchanges = _meter.CreateCounter<long>("rta.exchanges", description: "Token exchanges, by outcome and, when refused, reason code");
        Decisions = _meter.CreateCounter<long>("rta.decisions", description: "Authorization decisions");
        BindingRefusals = _meter.CreateCounter<long>("rta.binding.refusals", description: "Proofs of possession refused, by use and reason code");
        Denials = _meter.CreateCounter<long>("rta.denials", description: "Authorization decisions that denied");
        Revocations = _meter.CreateCounter<long>("rta.revocations", description: "Sessions revoked");
        LogReads = _meter.CreateCounter<long>("rta.replica.log_reads", description: "Reads of the event log by this replica's synchronizer");
        AnnouncedEntriesApplied = _meter.CreateCounter<long>("rta.replica.announced_applied",
            description: "Event log entries this replica applied from an announcement, without reading the log");
        AnnouncementsRejected = _meter.CreateCounter<long>("rta.replica.announcements_rejected",
            description: "Announcements from Redis dropped unapplied (forged, altered, malformed), by reason code");
        ActiveStreams = _meter.CreateUpDownCounter<long>("rta.streams.active", description: "Open live channels");
        DependencyRefusals = _meter.CreateCounter<long>("rta.dependency.refusals",
            description: "Requests answered 503 because PostgreSQL or Redis was down, by reason code");
        DroppedStreams = _meter.CreateCounter<long>("rta.streams.dropped",
            description: "Live streams the server closed while their session stayed active, by transport and reason code");
        RevocationToPush = _meter.CreateHistogram<double>("rta.revocation_to_push", unit: "ms",
            description: "From a revocation's commit to its push on a stream");
    }

    public static ActivitySource Source { get; } = new(Name);

    public Counter<long> Exchanges { get; }

    public Counter<long> Decisions { get; }

    public Counter<long> BindingRefusals { get; }

    public Counter<long> Denials { get; }

    public Counter<long> Revocations { get; }

    public Counter<long> DependencyRefusals { get; }

    public Counter<long> LogReads { get; }

    public Counter<long> AnnouncedEntriesApplied { get; }

    public Counter<long> AnnouncementsRejected { get; }

    public UpDownCounter<long> ActiveStreams { get; }

    public Counter<long> DroppedStreams { get; }

    public Histogram<double> RevocationToPush { get; }

    /// <summary>Reports the live session count from <paramref name="observe"/>.</summary>
    public void ObserveActiveSessions(Func<long> observe) =>
        _meter.CreateObservableGauge("rta.sessions.active", observe, description: "Active sessions known to this replica");

    /// <summary>A span for applying a log entry, linked to the span that wrote it (possibly on another replica).</summary>
    public Activity? StartApply(string type, long sequence, string? traceParent)
    {
        ActivityLink[]? links = traceParent is { } parent && ActivityContext.TryParse(parent, null, out var context)
            ? [new ActivityLink(context)]
            : null;
        var activity = Source.StartActivity(ActivityKind.Consumer, links: links, name: "rta.apply " + type);
        activity?.SetTag("rta.event.sequence", sequence);
        return activity;
    }

    public void Dispose() => _meter.Dispose();
}
