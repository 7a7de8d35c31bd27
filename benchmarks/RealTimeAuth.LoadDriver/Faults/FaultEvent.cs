namespace RealTimeAuth.LoadDriver.Faults;

/// <summary>One outcome seen by the driver during a fault run, at <paramref name="AtMs"/> after the run's origin.</summary>
/// <param name="AtMs">Milliseconds from the timeline's origin to when the outcome was seen.</param>
/// <param name="Series">What happened, e.g. <c>decision allowed</c>, <c>exchange 503 temporarily_unavailable</c>.</param>
internal sealed record FaultEvent(double AtMs, string Series);
