namespace RealTimeAuth.LoadDriver.Cli;

/// <summary>Settings of the <c>storm</c> command.</summary>
/// <param name="Agents">Connected agents of the one user, all revoked by each storm (its co-pilots too).</param>
/// <param name="Storms">Measured user-wide revocations; every agent is connected anew before each.</param>
/// <param name="Warmup">Storms before the measured ones, not recorded (JIT tier-up at full size).</param>
/// <param name="StreamsPerConnection">Live streams per gRPC channel: one co-pilot and up to this many minus one agents.</param>
/// <param name="Out">CSV path; the per-storm samples go beside it.</param>
internal sealed record StormSettings(int Agents, int Storms, int Warmup, int StreamsPerConnection, string Out)
{
    public static StormSettings From(CommandLine line) => new(
        line.Int("agents", 1000, 1, 20_000),
        line.Int("storms", 20, 1, 1_000),
        line.Int("warmup", 2, 0, 100),
        line.Int("streams-per-connection", 100, 2, 1_000),
        OutputPath.Resolve(line.Text("out"), line.Command));
}
