namespace RealTimeAuth.DevIdp.SharedSignals;

/// <summary>A subject added to or removed from a stream (SSF 1.0 §8.1.3). A removed subject's events are not sent on it.</summary>
public sealed class SsfSubjectRecord
{
    public long Id { get; set; }

    public required string StreamId { get; set; }

    /// <summary>The subject identifier in a canonical form (format and members, sorted).</summary>
    public required string SubjectKey { get; set; }

    public required string Subject { get; set; }

    public bool Removed { get; set; }

    public bool Verified { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
