using System.ComponentModel.DataAnnotations;

namespace RealTimeAuth.Server.Authorization.Audit;

/// <summary>Configuration section <c>DecisionAudit</c>: the audit queue, its batches, retention, and the what-if replay ring.</summary>
public sealed class DecisionAuditOptions
{
    public const string SectionName = "DecisionAudit";

    /// <summary>
    /// Decisions waiting to be written, also the buffer that carries them through a database outage (ADR 0021); past it
    /// new ones are dropped (counted and logged), never waited for.
    /// </summary>
    [Range(1, 10_000_000)]
    public int QueueCapacity { get; set; } = 100_000;

    /// <summary>Most rows one binary COPY writes.</summary>
    [Range(1, 100_000)]
    public int BatchSize { get; set; } = 2_000;

    /// <summary>How long the writer waits before it tries a batch again after the database failed to take it.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:01:00",
        ErrorMessage = "Set DecisionAudit:RetryInterval between 00:00:00.050 and 00:01:00.")]
    public TimeSpan RetryInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Recent decisions this replica keeps for what-if.</summary>
    [Range(0, 1_000_000)]
    public int RecentDecisions { get; set; } = 1_000;

    /// <summary>
    /// Characters of property keys and values (resource properties, context, AuthZEN subject properties) one recent
    /// decision may keep for what-if; a decision with more is kept without them and not replayed.
    /// </summary>
    [Range(0, 1_000_000)]
    public int RecentPropertyChars { get; set; } = 8_192;

    /// <summary>How long audited decisions are kept; older rows are deleted by a sweep every <see cref="RetentionSweepInterval"/>.</summary>
    [Range(typeof(TimeSpan), "01:00:00", "3650.00:00:00",
        ErrorMessage = "Set DecisionAudit:Retention between 01:00:00 and 3650.00:00:00 (ten years).")]
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(90);

    /// <summary>How often the retention sweep runs.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00",
        ErrorMessage = "Set DecisionAudit:RetentionSweepInterval between 00:00:01 and 1.00:00:00.")]
    public TimeSpan RetentionSweepInterval { get; set; } = TimeSpan.FromHours(1);
}
