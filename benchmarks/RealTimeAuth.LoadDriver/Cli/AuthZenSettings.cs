namespace RealTimeAuth.LoadDriver.Cli;

/// <summary>Settings of the <c>authzen</c> command.</summary>
/// <param name="Duration">Each measured window (trivial endpoint, then AuthZEN evaluation).</param>
/// <param name="Connections">HTTP/1.1 keep-alive connections, one worker with one request in flight on each.</param>
/// <param name="Warmup">Unrecorded load on both endpoints first (tiered JIT).</param>
/// <param name="Out">CSV path.</param>
internal sealed record AuthZenSettings(TimeSpan Duration, int Connections, TimeSpan Warmup, string Out)
{
    public static AuthZenSettings From(CommandLine line) => new(
        TimeSpan.FromSeconds(line.Int("seconds", 20, 1, 600)),
        line.Int("connections", 32, 1, 1_024),
        TimeSpan.FromSeconds(line.Int("warmup-seconds", 10, 0, 300)),
        OutputPath.Resolve(line.Text("out"), line.Command));
}
