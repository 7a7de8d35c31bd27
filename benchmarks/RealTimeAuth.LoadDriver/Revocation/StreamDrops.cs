using Grpc.Core;
using RealTimeAuth.Sdk;
using RealTimeAuth.Testing.Hosting;

namespace RealTimeAuth.LoadDriver.Revocation;

/// <summary>Agent streams that broke and reconnected, and why, grouped by cause.</summary>
internal sealed record StreamDrops(int Count, IReadOnlyList<string> Causes)
{
    public static StreamDrops Of(IEnumerable<AgentProbe> probes)
    {
        var drops = probes.SelectMany(probe => probe.States).Where(change => change.State == RtaConnectionState.Reconnecting).ToList();
        var causes = drops
            .GroupBy(Cause)
            .OrderByDescending(group => group.Count())
            .Select(group => $"{group.Count()}× {group.Key}")
            .ToList();
        return new StreamDrops(drops.Count, causes);
    }

    private static string Cause(RtaConnectionStateChangedEventArgs change) => $"(while {change.PreviousState}) " + change.Exception switch
    {
        RpcException rpc => $"{rpc.StatusCode}: {rpc.Status.Detail}",
        { } exception => $"{exception.GetType().Name}: {exception.Message}",
        null => change.Reason ?? "no reason given",
    };
}
