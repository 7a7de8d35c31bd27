namespace RealTimeAuth.DevIdp.SharedSignals;

/// <summary>A signed SET waiting for delivery on one stream (push: until 202; poll: until acknowledged).</summary>
public sealed class SsfOutboxRecord
{
    public long Id { get; set; }

    public required string StreamId { get; set; }

    public required string Jti { get; set; }

    public required string EventType { get; set; }

    public required string Set { get; set; }

    /// <summary><c>pending</c>, <c>delivered</c> or <c>failed</c>.</summary>
    public required string Status { get; set; }

    public int Attempts { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>Unix milliseconds of the next push attempt (SQLite compares integers, not DateTimeOffset).</summary>
    public long NextAttemptAt { get; set; }

    public DateTimeOffset? DeliveredAt { get; set; }

    /// <summary>The receiver's answer to the last failed attempt, or the <c>setErrs</c> entry of a poll.</summary>
    public string? LastError { get; set; }
}
