namespace RealTimeAuth.Server.Data;

/// <summary>
/// One state change, appended in the same transaction as the change itself. Replicas apply
/// entries in <see cref="Sequence"/> order; appends are serialised so sequences commit in order.
/// </summary>
public sealed class EventLogRecord
{
    public long Sequence { get; set; }

    public required string Type { get; set; }

    public DateTimeOffset OccurredAt { get; set; }

    /// <summary>The event's data as JSON; its shape depends on <see cref="Type"/>.</summary>
    public required string Payload { get; set; }

    /// <summary>Who caused it: a client, an admin, an event source.</summary>
    public string? Actor { get; set; }

    /// <summary>W3C traceparent of the activity that made the change, to link the replicas' spans.</summary>
    public string? TraceParent { get; set; }

    /// <summary>The replica that wrote the entry.</summary>
    public string? Origin { get; set; }
}
