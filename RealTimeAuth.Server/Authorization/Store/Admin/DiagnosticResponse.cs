using RealTimeAuth.Policies;

namespace RealTimeAuth.Server.Authorization.Store.Admin;

/// <summary>One problem in a policy or directory file, with its rule and 1-based position (0 when it has none).</summary>
public sealed record DiagnosticResponse(string Code, string Message, string? RuleId, string? Field, int Line, int Column)
{
    public static DiagnosticResponse From(PolicyDiagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        return new(diagnostic.Code, diagnostic.Message, diagnostic.RuleId, diagnostic.Field, diagnostic.Line, diagnostic.Column);
    }
}
