using System.Diagnostics.Metrics;
using RealTimeAuth.Server.Telemetry;

namespace RealTimeAuth.Server.Authorization.Audit;

/// <summary>Counters of the decision audit on the server's meter: rows written, written truncated, written late, and decisions dropped on overflow or failure.</summary>
public sealed class DecisionAuditMetrics
{
    public DecisionAuditMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(RtaServerTelemetry.Name);
        Written = meter.CreateCounter<long>("rta.audit.decisions.written", description: "Decision audit rows written");
        Truncated = meter.CreateCounter<long>("rta.audit.decisions.truncated", description: "Decision audit rows PostgreSQL refused whole, written truncated and flagged");
        WrittenLate = meter.CreateCounter<long>("rta.audit.decisions.written_late",
            description: "Decision audit rows written after waiting through a database outage");
        Dropped = meter.CreateCounter<long>("rta.audit.decisions.dropped", description: "Decisions not audited: queue full or write failed");
    }

    public Counter<long> Written { get; }

    public Counter<long> Truncated { get; }

    public Counter<long> WrittenLate { get; }

    public Counter<long> Dropped { get; }
}
