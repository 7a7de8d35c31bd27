using System.Text.Json.Serialization;

namespace RealTimeAuth.Server.Admin.Monitoring;

/// <summary>One event-log entry as the admin console shows it: what happened, who did it, which sessions it touched.</summary>
public sealed record AdminEventEntry(
    long Sequence,
    string Type,
    DateTimeOffset OccurredAt,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Actor,
    IReadOnlyList<Guid> SessionIds,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Reason,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Detail,
    string Summary);
