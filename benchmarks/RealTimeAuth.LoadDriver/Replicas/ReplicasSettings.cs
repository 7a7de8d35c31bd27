using RealTimeAuth.LoadDriver.Cli;

namespace RealTimeAuth.LoadDriver.Replicas;

/// <summary>Settings of the <c>replicas</c> command.</summary>
/// <param name="Replicas">Server replicas, each its own child process, on one PostgreSQL and one Redis.</param>
/// <param name="AgentsPerReplica">Connected agents whose streams each replica holds.</param>
/// <param name="Revocations">Measured single-session revocations, all issued on the first replica, round-robin over the replicas' agents.</param>
/// <param name="Storms">User-wide revocations after them (every agent reconnected before each).</param>
/// <param name="Warmup">Unrecorded revocations first.</param>
/// <param name="StreamsPerConnection">Live streams per gRPC channel: one co-pilot and up to this many minus one agents.</param>
/// <param name="AnnounceEntries">False: announcements carry only the sequence, as before ADR 0025 (for a before/after run on one build).</param>
/// <param name="Out">CSV path; raw samples go beside it.</param>
internal sealed record ReplicasSettings(
    int Replicas, int AgentsPerReplica, int Revocations, int Storms, int Warmup, int StreamsPerConnection, bool AnnounceEntries, string Out)
{
    public static ReplicasSettings From(CommandLine line) => new(
        line.Int("replicas", 3, 2, 5),
        line.Int("agents-per-replica", 1000, 1, 1000),
        line.Int("revocations", 200, 1, 10_000),
        line.Int("storms", 2, 0, 20),
        line.Int("warmup", 30, 0, 1000),
        line.Int("streams-per-connection", 100, 2, 1_000),
        line.Int("announce-entries", 1, 0, 1) == 1,
        OutputPath.Resolve(line.Text("out"), line.Command));
}
