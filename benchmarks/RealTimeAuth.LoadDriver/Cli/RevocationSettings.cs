namespace RealTimeAuth.LoadDriver.Cli;

/// <summary>Settings of the <c>revocation</c> command.</summary>
/// <param name="AgentCounts">Connected agents in each phase, run in this order on one server.</param>
/// <param name="Revocations">Measured revocations per phase; each revoked agent is replaced, so the phase keeps its count.</param>
/// <param name="StreamsPerConnection">Live streams per gRPC channel: one co-pilot and up to this many minus one agents.</param>
/// <param name="Warmup">Revocations before the first phase, not recorded (JIT, admin token metadata, connection pools).</param>
/// <param name="Pause">Wait after each replacement agent connects, before the next revocation.</param>
/// <param name="Out">CSV path; raw samples go beside it.</param>
internal sealed record RevocationSettings(
    IReadOnlyList<int> AgentCounts, int Revocations, int StreamsPerConnection, int Warmup, TimeSpan Pause, string Out)
{
    public static RevocationSettings From(CommandLine line) => new(
        line.Ints("agents", [1, 100, 1000], 1, 20_000),
        line.Int("revocations", 200, 1, 100_000),
        line.Int("streams-per-connection", 100, 2, 1_000),
        line.Int("warmup", 300, 0, 10_000),
        TimeSpan.FromMilliseconds(line.Int("pause-ms", 20, 0, 10_000)),
        OutputPath.Resolve(line.Text("out"), line.Command));
}
