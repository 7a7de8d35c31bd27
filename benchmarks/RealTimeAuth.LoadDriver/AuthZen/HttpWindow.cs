using RealTimeAuth.LoadDriver.Reporting;

namespace RealTimeAuth.LoadDriver.AuthZen;

/// <summary>One measured window against one endpoint: latencies of successful requests, errors, and server CPU used.</summary>
internal sealed record HttpWindow(string Endpoint, int Connections, TimeSpan Duration, IReadOnlyList<double> Latencies, int Errors, string? FirstError, TimeSpan ServerCpu)
{
    public Distribution Latency { get; } = Distribution.Of(Latencies);

    public double PerSecond => Latencies.Count / Duration.TotalSeconds;

    public double ServerCpuMicrosecondsPerRequest => Latencies.Count == 0 ? double.NaN : ServerCpu.TotalMilliseconds * 1000 / Latencies.Count;
}
