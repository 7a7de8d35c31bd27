using RealTimeAuth.AgentSimulator.Load;

namespace RealTimeAuth.AgentSimulator.Agents;

/// <summary>How one agent's loop is paced and what it records.</summary>
internal sealed class AgentWorkerSettings
{
    /// <summary>Pause between actions.</summary>
    public TimeSpan Interval { get; init; }

    /// <summary>Pause before the first action, to spread many agents over the interval.</summary>
    public TimeSpan InitialDelay { get; init; }

    /// <summary>How long an allowed action takes to perform.</summary>
    public TimeSpan WorkDuration { get; init; }

    /// <summary>A span per action; on for scenarios, off for load runs.</summary>
    public bool TraceActions { get; init; }

    /// <summary>Where load runs collect AuthorizeAsync latencies; null records none.</summary>
    public LatencyRecorder? AuthorizeLatency { get; init; }
}
