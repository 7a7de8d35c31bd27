namespace RealTimeAuth.Server.Admin;

/// <summary>A page of sessions and the total that match the filter.</summary>
public sealed record SessionPage(IReadOnlyList<SessionSummary> Items, int Total);
