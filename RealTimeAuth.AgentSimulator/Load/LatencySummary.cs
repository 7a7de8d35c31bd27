namespace RealTimeAuth.AgentSimulator.Load;

/// <summary>A latency distribution in milliseconds; percentiles by the nearest-rank method.</summary>
public sealed record LatencySummary(string Metric, int Count, double MinMs, double P50Ms, double P90Ms, double P99Ms, double MaxMs, double MeanMs);
