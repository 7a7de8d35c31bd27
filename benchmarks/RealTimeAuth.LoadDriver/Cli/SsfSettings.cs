namespace RealTimeAuth.LoadDriver.Cli;

/// <summary>Settings of the <c>ssf</c> command.</summary>
/// <param name="Agents">Connected agents of the one affected user, each revoked by every event.</param>
/// <param name="Events">Measured session-revoked events; the agents are reconnected before each.</param>
/// <param name="Burst">SETs pushed at once to measure ingestion (accepted and applied per second).</param>
/// <param name="Concurrency">Pushes in flight during the burst.</param>
/// <param name="Out">CSV path.</param>
/// <param name="PauseDriverGc">
/// Run each window, from the push to the last agent's Revoked, in a no-GC region of the driver: its one heap holds
/// every agent's SDK, and its collections are the harness's, not what an agent in its own process would see.
/// </param>
internal sealed record SsfSettings(int Agents, int Events, int Burst, int Concurrency, string Out, bool PauseDriverGc)
{
    public static SsfSettings From(CommandLine line) => new(
        line.Int("agents", 1000, 1, 20_000),
        line.Int("events", 50, 1, 10_000),
        line.Int("burst", 2000, 0, 100_000),
        line.Int("concurrency", 16, 1, 256),
        OutputPath.Resolve(line.Text("out"), line.Command),
        line.Int("pause-driver-gc", 1, 0, 1) == 1);
}
