using RealTimeAuth.Policies.Schema;

namespace RealTimeAuth.Policies.Conditions;

/// <summary>
/// The pipeline for one condition: length bound, lexer, parser (depth bound), checker, emitter. Errors come
/// back as diagnostics positioned inside the condition; nothing here throws on any input.
/// </summary>
internal static class ConditionCompiler
{
    public static AttributeReader<bool>? Compile(string condition, AttributeSchema schema, List<PolicyDiagnostic> errors) =>
        Compile(condition, schema, errors, out _);

    /// <param name="condition">The condition text.</param>
    /// <param name="schema">The attributes it may read.</param>
    /// <param name="errors">Receives the diagnostics.</param>
    /// <param name="dependsOnRequest">Whether it reads the resource id or properties, the request context or the clock.</param>
    public static AttributeReader<bool>? Compile(string condition, AttributeSchema schema, List<PolicyDiagnostic> errors, out bool dependsOnRequest)
    {
        dependsOnRequest = true;
        if (condition.Length > PolicyLimits.MaxConditionLength)
        {
            errors.Add(ConditionDiagnostics.At(PolicyDiagnosticCodes.TooLong, PositionOf(condition, PolicyLimits.MaxConditionLength),
                $"the condition has {condition.Length} characters; the limit is {PolicyLimits.MaxConditionLength}"));
            return null;
        }

        var tokens = Lexer.Tokenize(condition, out var lexError);
        if (tokens is null)
        {
            errors.Add(lexError!);
            return null;
        }

        var syntax = Parser.Parse(tokens, out var parseError);
        if (syntax is null)
        {
            errors.Add(parseError!);
            return null;
        }

        var bound = Checker.Check(syntax, schema, errors);
        if (bound is null)
        {
            return null;
        }

        dependsOnRequest = ConditionDependencies.DependsOnRequest(bound);
        return Emitter.EmitCondition(bound);
    }

    private static SourcePosition PositionOf(string text, int index)
    {
        var lineStart = text.LastIndexOf('\n', index - 1) + 1;
        return new SourcePosition(text.AsSpan(0, index).Count('\n') + 1, index - lineStart + 1);
    }
}
