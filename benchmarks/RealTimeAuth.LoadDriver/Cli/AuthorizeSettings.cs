namespace RealTimeAuth.LoadDriver.Cli;

/// <summary>Settings of the <c>authorize</c> command.</summary>
/// <param name="Agents">Connected agents, each with its live stream open while they authorize.</param>
/// <param name="Concurrency">Workers, one call in flight each; worker <c>w</c> calls for agents w, w + C, w + 2C, … in turn.</param>
/// <param name="Duration">The measured window.</param>
/// <param name="Warmup">Calls before the window, not recorded (tiered JIT, connection windows).</param>
/// <param name="StreamsPerConnection">Live streams per gRPC channel: one co-pilot and up to this many minus one agents.</param>
/// <param name="Out">CSV path.</param>
internal sealed record AuthorizeSettings(int Agents, int Concurrency, TimeSpan Duration, TimeSpan Warmup, int StreamsPerConnection, string Out)
{
    public static AuthorizeSettings From(CommandLine line) => new(
        line.Int("agents", 1000, 1, 20_000),
        line.Int("concurrency", 32, 1, 1_024),
        TimeSpan.FromSeconds(line.Int("seconds", 20, 1, 600)),
        TimeSpan.FromSeconds(line.Int("warmup-seconds", 10, 0, 300)),
        line.Int("streams-per-connection", 100, 2, 1_000),
        OutputPath.Resolve(line.Text("out"), line.Command));
}
