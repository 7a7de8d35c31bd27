namespace RealTimeAuth.Admin.Api.Models;

/// <summary>A page of sessions and how many match the filter.</summary>
public sealed record SessionPage(IReadOnlyList<SessionSummary> Items, int Total);
