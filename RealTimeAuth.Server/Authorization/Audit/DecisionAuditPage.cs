namespace RealTimeAuth.Server.Authorization.Audit;

/// <summary>A page of audited decisions, newest first; <see cref="Next"/> is the cursor for the following page.</summary>
public sealed record DecisionAuditPage(IReadOnlyList<DecisionAuditItem> Items, string? Next);
