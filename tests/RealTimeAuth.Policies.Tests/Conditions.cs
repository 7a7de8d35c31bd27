using RealTimeAuth.Policies.Conditions;
using RealTimeAuth.Policies.Schema;

namespace RealTimeAuth.Policies.Tests;

/// <summary>Compiles single conditions against the built-in schema.</summary>
internal static class Conditions
{
    /// <summary>True or false, or null when the condition cannot be evaluated for the request.</summary>
    public static bool? Evaluate(string condition, DecisionRequest request)
    {
        var errors = new List<PolicyDiagnostic>();
        var reader = ConditionCompiler.Compile(condition, AttributeSchema.Default, errors);
        Assert.True(reader is not null, $"'{condition}' did not compile: {string.Join("; ", errors)}");
        return reader(in request, out var value) ? value : null;
    }

    /// <summary>The one diagnostic the condition is rejected with.</summary>
    public static PolicyDiagnostic Reject(string condition)
    {
        var errors = new List<PolicyDiagnostic>();
        var reader = ConditionCompiler.Compile(condition, AttributeSchema.Default, errors);
        Assert.Null(reader);
        return Assert.Single(errors);
    }
}
