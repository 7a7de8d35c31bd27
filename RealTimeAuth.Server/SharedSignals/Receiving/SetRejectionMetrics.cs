using System.Diagnostics.Metrics;
using RealTimeAuth.Server.SharedSignals.Validation;
using RealTimeAuth.Server.Telemetry;

namespace RealTimeAuth.Server.SharedSignals.Receiving;

/// <summary>SETs refused at the edge, on the server's meter, tagged by RFC 8935 <c>error</c>, stable <c>reason</c> and <c>delivery</c>.</summary>
public sealed class SetRejectionMetrics
{
    public SetRejectionMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        Rejections = meterFactory.Create(RtaServerTelemetry.Name)
            .CreateCounter<long>("rta.ssf.sets.rejected", description: "Security Event Tokens refused, by error, reason code and delivery method");
    }

    public Counter<long> Rejections { get; }

    internal void Rejected(SetRejection rejection, string delivery) =>
        Rejections.Add(1,
            new KeyValuePair<string, object?>("error", rejection.Error),
            new KeyValuePair<string, object?>("reason", rejection.Reason),
            new KeyValuePair<string, object?>("delivery", delivery));
}
