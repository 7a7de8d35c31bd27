using RealTimeAuth.LoadDriver.Reporting;

namespace RealTimeAuth.LoadDriver.Exchange;

/// <summary>What the workers achieved in one window: exchanges that completed inside it, their latencies, and failures.</summary>
/// <param name="Concurrency">Workers, one request in flight each.</param>
/// <param name="Duration">The window; exchanges answered after it are not counted.</param>
/// <param name="LatenciesMs">Request to response of each successful exchange.</param>
/// <param name="Errors">Exchanges the token endpoint refused.</param>
/// <param name="Cpu">CPU time the server, this driver, PostgreSQL and the whole machine used during the window.</param>
/// <param name="FirstError">One failed exchange as the token endpoint answered it, to say why.</param>
internal sealed record ExchangeWindow(
    int Concurrency, TimeSpan Duration, IReadOnlyList<double> LatenciesMs, int Errors, string? FirstError, CpuAccount Cpu)
{
    public double PerSecond => LatenciesMs.Count / Duration.TotalSeconds;

    public Distribution Latency => Distribution.Of(LatenciesMs);

    public double ServerCpuMsPerExchange => PerExchange(Cpu.Server);

    public double PerExchange(TimeSpan time) => LatenciesMs.Count == 0 ? double.NaN : time.TotalMilliseconds / LatenciesMs.Count;
}
