namespace RealTimeAuth.Admin.Api.Models;

/// <summary>Filters for the decision audit.</summary>
public sealed record DecisionFilter(
    string? User = null, string? Agent = null, string? Action = null, string? Decision = null, DateTimeOffset? From = null,
    DateTimeOffset? To = null, int Limit = 100, string? Before = null);
