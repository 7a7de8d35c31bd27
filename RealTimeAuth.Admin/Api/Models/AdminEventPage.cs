namespace RealTimeAuth.Admin.Api.Models;

/// <summary>Event-log entries newest first; <see cref="Next"/> fetches the older page.</summary>
public sealed record AdminEventPage(IReadOnlyList<AdminEvent> Items, string? Next);
