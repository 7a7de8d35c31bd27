using System.Diagnostics.Metrics;
using RealTimeAuth.Server.Telemetry;

namespace RealTimeAuth.Server.Limits;

/// <summary>
/// Requests refused by a limit, on the server's meter, tagged by <c>limit</c> (rate or body), endpoint <c>family</c> and,
/// for rate limits, the <c>partition</c> kind that was spent (address, admin, client, pep, stream).
/// </summary>
public sealed class RequestLimitMetrics
{

    public RequestLimitMetrics(IMeterFactory meterFactory)
    {
        ArgumentNullException.ThrowIfNull(meterFactory);
        Rejections = meterFactory.Create(RtaServerTelemetry.Name)
            .CreateCounter<long>("rta.limits.rejections", description: "Requests refused by a rate or body limit");
    }

    public Counter<long> Rejections { get; }

    internal void Rejected(string limit, RequestFamily family) =>
        Rejections.Add(1, new KeyValuePair<string, object?>("limit", limit), new KeyValuePair<string, object?>("family", family.ToString()));

    internal void RateRejected(RequestFamily family, string partition) =>
        Rejections.Add(
            1,
            new KeyValuePair<string, object?>("limit", "rate"),
            new KeyValuePair<string, object?>("family", family.ToString()),
            new KeyValuePair<string, object?>("partition", partition));

    internal void Rejected(RateLimitRefusal refusal) => RateRejected(refusal.Family, refusal.Partition);
}
