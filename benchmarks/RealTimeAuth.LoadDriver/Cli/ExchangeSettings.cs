namespace RealTimeAuth.LoadDriver.Cli;

/// <summary>Settings of the <c>exchange</c> command.</summary>
/// <param name="Duration">The measured window.</param>
/// <param name="Concurrency">Workers, each with one request in flight at a time.</param>
/// <param name="Warmup">Load before the window, not recorded: long enough for tiered JIT to settle (3 s left a quarter of the server CPU in the JIT).</param>
/// <param name="Out">CSV path.</param>
internal sealed record ExchangeSettings(TimeSpan Duration, int Concurrency, TimeSpan Warmup, string Out)
{
    public static ExchangeSettings From(CommandLine line) => new(
        TimeSpan.FromSeconds(line.Int("seconds", 20, 1, 600)),
        line.Int("concurrency", 16, 1, 1_024),
        TimeSpan.FromSeconds(line.Int("warmup-seconds", 20, 0, 300)),
        OutputPath.Resolve(line.Text("out"), line.Command));
}
