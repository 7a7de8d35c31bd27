namespace RealTimeAuth.LoadDriver.Cli;

/// <summary>Settings of the <c>soak</c> command.</summary>
/// <param name="Agents">Connected agents, each revoked one replaced by a new one in its slot.</param>
/// <param name="DecisionsPerSecond">Decisions over the live channel, paced evenly, round-robin over the agents.</param>
/// <param name="Duration">How long the load runs.</param>
/// <param name="RevokeEvery">One agent revoked (and replaced) this often.</param>
/// <param name="SampleEvery">The server's memory is sampled this often, without forcing a collection.</param>
/// <param name="Warmup">Samples before this are left out of the memory slope.</param>
/// <param name="StreamsPerConnection">Live streams per gRPC channel: one co-pilot and up to this many minus one agents.</param>
/// <param name="Out">CSV path; the time series go beside it.</param>
internal sealed record SoakSettings(
    int Agents, int DecisionsPerSecond, TimeSpan Duration, TimeSpan RevokeEvery, TimeSpan SampleEvery, TimeSpan Warmup, int StreamsPerConnection, string Out)
{
    public static SoakSettings From(CommandLine line)
    {
        var settings = new SoakSettings(
            line.Int("agents", 1000, 1, 20_000),
            line.Int("rate", 500, 0, 100_000),
            TimeSpan.FromMinutes(line.Int("minutes", 30, 1, 24 * 60)),
            TimeSpan.FromMilliseconds(line.Int("revoke-every-ms", 1000, 50, 600_000)),
            TimeSpan.FromSeconds(line.Int("sample-seconds", 5, 1, 600)),
            TimeSpan.FromSeconds(line.Int("warmup-seconds", 300, 0, 24 * 3600)),
            line.Int("streams-per-connection", 100, 2, 1_000),
            OutputPath.Resolve(line.Text("out"), line.Command));
        return settings.Warmup < settings.Duration
            ? settings
            : throw new UsageException("--warmup-seconds must be shorter than --minutes: the memory slope is fitted after the warm-up.");
    }
}
