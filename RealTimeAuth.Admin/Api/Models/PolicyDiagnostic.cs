namespace RealTimeAuth.Admin.Api.Models;

/// <summary>A validation finding at its 1-based line and column.</summary>
public sealed record PolicyDiagnostic(string Code, string Message, string? RuleId, string? Field, int Line, int Column);
