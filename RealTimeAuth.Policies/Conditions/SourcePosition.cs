namespace RealTimeAuth.Policies.Conditions;

/// <summary>A 1-based line and column (UTF-16 code units) inside a condition.</summary>
internal readonly record struct SourcePosition(int Line, int Column);
