namespace RealTimeAuth.Admin.Api.Models;

/// <summary>The policy versions, newest first, and which is active.</summary>
public sealed record PolicyList(int? ActiveVersion, IReadOnlyList<PolicyVersionSummary> Versions);
