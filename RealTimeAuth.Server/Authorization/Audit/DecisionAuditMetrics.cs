using System.Diagnostics.Metrics;
using RealTimeAuth.Server.Telemetry;

namespace RealTimeAuth.Server.Authorization.Audit;

/// <summary>Counters of the decision audit on the server's meter: rows written and decisions dropped on overflow or failure.</summary>
public sealed class DecisionAuditMetrics
{
    public DecisionAuditMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        var meter = meterFactory.Create(RtaServerTelemetry.Name);
        Written = meter.CreateCounter<long>("rta.audit.decisions.written", description: "Decision audit rows written");
        Dropped = meter.CreateCounter<long>("rta.audit.decisions.dropped", description: "Decisions not audited: queue full or write failed");
    }

    public Counter<long> Written { get; }

    public Counter<long> Dropped { get; }
}
