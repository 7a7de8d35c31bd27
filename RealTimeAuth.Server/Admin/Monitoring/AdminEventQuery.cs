namespace RealTimeAuth.Server.Admin.Monitoring;

/// <summary>
/// Filters for <c>GET /admin/v1/events</c>. <see cref="After"/> is either the <c>next</c> cursor of a previous
/// page (a sequence: entries older than it) or an ISO 8601 time (entries at or after it).
/// </summary>
public sealed record AdminEventQuery(string? Type, string? Actor, string? After, int? Limit)
{
    public const int MaxLimit = 500;

    public int Take => Math.Clamp(Limit ?? 100, 1, MaxLimit);
}
