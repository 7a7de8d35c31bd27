namespace RealTimeAuth.AgentSimulator.Load;

/// <summary>A load run's counts and latency distributions; the body of <c>POST /load</c>.</summary>
public sealed record LoadReport
{
    public required string RunId { get; init; }

    public required string Server { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    public required DateTimeOffset EndedAt { get; init; }

    public required int Users { get; init; }

    public required int AgentsRequested { get; init; }

    public required int AgentsConnected { get; init; }

    public required int ExchangeFailures { get; init; }

    public required double TargetActionsPerSecond { get; init; }

    public required double AchievedActionsPerSecond { get; init; }

    public required double ActionPhaseSeconds { get; init; }

    public required long Allowed { get; init; }

    public required long Denied { get; init; }

    public required long AuthorizeErrors { get; init; }

    /// <summary>Whether the co-pilots were revoked at the end to measure event-to-stop.</summary>
    public required bool Revoked { get; init; }

    public required int AgentsStopped { get; init; }

    /// <summary><c>exchange</c>, <c>authorize</c>, <c>event-to-receive</c>, <c>event-to-stop</c>.</summary>
    public required IReadOnlyList<LatencySummary> Latencies { get; init; }

    public string? CsvPath { get; init; }

    /// <summary>Set when the run was cut short or the CSV could not be written.</summary>
    public string? Note { get; init; }
}
