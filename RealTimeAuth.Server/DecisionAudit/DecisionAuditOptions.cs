using System.ComponentModel.DataAnnotations;

namespace RealTimeAuth.Server.DecisionAudit;

/// <summary>Configuration section <c>DecisionAudit</c>: the audit queue, its batches, and the what-if replay ring.</summary>
public sealed class DecisionAuditOptions
{
    public const string SectionName = "DecisionAudit";

    /// <summary>Decisions waiting to be written; past it new ones are dropped (counted and logged), never waited for.</summary>
    [Range(1, 10_000_000)]
    public int QueueCapacity { get; set; } = 100_000;

    /// <summary>Most rows one binary COPY writes.</summary>
    [Range(1, 100_000)]
    public int BatchSize { get; set; } = 2_000;

    /// <summary>Recent decisions this replica keeps for what-if.</summary>
    [Range(0, 1_000_000)]
    public int RecentDecisions { get; set; } = 1_000;
}
