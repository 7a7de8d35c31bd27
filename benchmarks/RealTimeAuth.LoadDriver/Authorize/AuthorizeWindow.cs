using RealTimeAuth.LoadDriver.Reporting;

namespace RealTimeAuth.LoadDriver.Authorize;

/// <summary>What the workers achieved in one window: decisions answered inside it, their latencies, and failures.</summary>
/// <param name="Concurrency">Workers, one call in flight each.</param>
/// <param name="Duration">The window; calls answered after it are not counted.</param>
/// <param name="LatenciesMs">Call to answer of each decision (allowed or denied).</param>
/// <param name="Errors">Calls that threw or were decided without the server.</param>
/// <param name="ServerCpu">CPU time the server process used during the window.</param>
/// <param name="FirstError">One failure, to say why.</param>
internal sealed record AuthorizeWindow(
    int Concurrency, TimeSpan Duration, IReadOnlyList<double> LatenciesMs, int Errors, string? FirstError, TimeSpan ServerCpu)
{
    public double PerSecond => LatenciesMs.Count / Duration.TotalSeconds;

    public Distribution Latency => Distribution.Of(LatenciesMs);

    public double ServerCpuMsPerDecision => LatenciesMs.Count == 0 ? double.NaN : ServerCpu.TotalMilliseconds / LatenciesMs.Count;
}
