using RealTimeAuth.LoadDriver.Hosting;
using RealTimeAuth.LoadDriver.Reporting;

namespace RealTimeAuth.LoadDriver.Revocation;

/// <summary>The outcome of one phase: its revocations with <see cref="Agents"/> connected, and the server's memory before and after they connected.</summary>
/// <param name="Agents">Agents connected at every revocation of the phase.</param>
/// <param name="Channels">gRPC channels (co-pilot factories) the agents were spread over.</param>
/// <param name="ConnectTime">From the first exchange to the last agent's stream connected.</param>
/// <param name="Before">Server memory with the co-pilots but none of the phase's agents connected.</param>
/// <param name="After">Server memory with all of the phase's agents connected.</param>
/// <param name="Samples">The phase's revocations in order.</param>
/// <param name="Drops">Agent streams lost and reconnected during the phase (there should be none), with their causes.</param>
internal sealed record RevocationPhase(
    int Agents,
    int Channels,
    TimeSpan ConnectTime,
    ServerMemory Before,
    ServerMemory After,
    IReadOnlyList<RevocationSample> Samples,
    StreamDrops Drops)
{
    public IEnumerable<RevocationSample> Delivered => Samples.Where(sample => sample.Raised is not null);

    public int Lost => Samples.Count(sample => sample.Raised is null);

    public int NotOnStream => Samples.Count(sample => sample.Raised is not null && !sample.OnStream);

    public int BeforeReturn => Delivered.Count(sample => sample.AfterReturnMs < 0);

    /// <summary>t2 − t1 clamped at 0: an event raised before the call returned counts as 0.</summary>
    public Distribution AfterReturn => Distribution.Of(Delivered.Select(sample => Math.Max(0, sample.AfterReturnMs!.Value)));

    public Distribution AfterStart => Distribution.Of(Delivered.Select(sample => sample.AfterStartMs!.Value));

    public Distribution Call => Distribution.Of(Samples.Select(sample => sample.CallMs));

    public Distribution CommitToEvent => Distribution.Of(Delivered.Where(sample => sample.CommitToEventMs is not null).Select(sample => sample.CommitToEventMs!.Value));

    public double GcHeapPerAgent => (double)(After.GcHeapBytes - Before.GcHeapBytes) / Agents;

    public double WorkingSetPerAgent => (double)(After.WorkingSetBytes - Before.WorkingSetBytes) / Agents;
}
