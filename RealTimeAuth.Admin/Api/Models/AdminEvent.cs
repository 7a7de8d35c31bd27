namespace RealTimeAuth.Admin.Api.Models;

/// <summary>One event-log entry: what happened, who did it, which sessions it touched.</summary>
public sealed record AdminEvent(
    long Sequence, string Type, DateTimeOffset OccurredAt, string? Actor, IReadOnlyList<Guid>? SessionIds, string? Reason, string? Detail, string Summary)
{
    /// <summary>Admin actions are the entries a person caused.</summary>
    public bool IsAdminAction => Actor?.StartsWith("admin:", StringComparison.Ordinal) == true;
}
