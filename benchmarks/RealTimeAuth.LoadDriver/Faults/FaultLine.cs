namespace RealTimeAuth.LoadDriver.Faults;

/// <summary>A line of a fault run's chart: every series <paramref name="Matches"/> takes, summed, per second.</summary>
internal sealed record FaultLine(string Label, Func<string, bool> Matches, bool RightAxis = false);
