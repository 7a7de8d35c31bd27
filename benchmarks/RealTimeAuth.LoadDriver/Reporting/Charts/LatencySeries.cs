namespace RealTimeAuth.LoadDriver.Reporting.Charts;

/// <summary>One sample of latencies to draw, in milliseconds, with its legend text.</summary>
internal sealed record LatencySeries(string Label, IReadOnlyList<double> Milliseconds);
