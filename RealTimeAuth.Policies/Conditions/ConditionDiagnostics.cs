namespace RealTimeAuth.Policies.Conditions;

internal static class ConditionDiagnostics
{
    public static PolicyDiagnostic At(string code, SourcePosition position, string message) =>
        new() { Code = code, Message = message, Line = position.Line, Column = position.Column };
}
