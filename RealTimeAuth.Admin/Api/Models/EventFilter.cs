namespace RealTimeAuth.Admin.Api.Models;

/// <summary>Filters for the event log.</summary>
public sealed record EventFilter(string? Type = null, string? Actor = null, string? After = null, int Limit = 100);
