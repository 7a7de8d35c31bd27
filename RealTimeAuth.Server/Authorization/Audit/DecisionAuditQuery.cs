namespace RealTimeAuth.Server.Authorization.Audit;

/// <summary>Filters of the decision audit API; <see cref="Before"/> is the previous page's <c>next</c> cursor.</summary>
public sealed record DecisionAuditQuery(
    string? User, string? Agent, string? Action, string? Decision, DateTimeOffset? From, DateTimeOffset? To, int? Limit, string? Before);
