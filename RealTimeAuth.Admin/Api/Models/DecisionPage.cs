namespace RealTimeAuth.Admin.Api.Models;

/// <summary>Decisions newest first; <see cref="Next"/> is the cursor of the older page.</summary>
public sealed record DecisionPage(IReadOnlyList<DecisionRecord> Items, string? Next);
