namespace RealTimeAuth.Admin.Api.Models;

/// <summary>The result of validating a policy document.</summary>
public sealed record PolicyValidation(bool Valid, int RuleCount, IReadOnlyList<PolicyDiagnostic> Diagnostics);
