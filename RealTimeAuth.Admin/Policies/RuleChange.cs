namespace RealTimeAuth.Admin.Policies;

/// <summary>One rule that differs between two policy versions: <c>added</c>, <c>removed</c> or <c>changed</c>, with both texts.</summary>
public sealed record RuleChange(string RuleId, string Kind, string? Before, string? After);
