namespace RealTimeAuth.LoadDriver.Faults;

/// <summary>What the issue requires of a fault run, and whether this run met it.</summary>
internal sealed record FaultCheck(string Requirement, bool Met, string Observed);
