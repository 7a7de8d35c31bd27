using System.Globalization;

namespace RealTimeAuth.LoadDriver.Replicas;

/// <summary>One user-wide revocation issued on replica 0: issued → each agent's SDK Revoked, per replica holding the stream.</summary>
internal sealed record ReplicaStormSample(int Index, IReadOnlyList<IReadOnlyList<double>> LatenciesByReplica, int Missed, TimeSpan Cpu)
{
    public string Describe() => string.Create(
        CultureInfo.InvariantCulture,
        $"Storm {Index + 1}: last agent after {string.Join(" / ", LatenciesByReplica.Select(latencies => latencies.Count == 0 ? "-" : $"{latencies.Max():0}"))} ms "
        + $"(replica 0 / 1 / …), {Missed} missed, {Cpu.TotalMilliseconds:0} ms server CPU.");
}
