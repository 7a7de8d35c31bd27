using System.Collections.Immutable;
using RealTimeAuth.Policies.Conditions;
using RealTimeAuth.Policies.Evaluation;
using RealTimeAuth.Policies.Model;
using RealTimeAuth.Policies.Schema;

namespace RealTimeAuth.Policies;

/// <summary>
/// Checks a policy set against an attribute schema and compiles it. Every problem is reported, each with its
/// rule id, field and (for conditions) line and column; a set with any problem does not compile. No input
/// makes this throw other than a null argument.
/// </summary>
public static class PolicyCompiler
{
    /// <summary>Compiles <paramref name="document"/> against the built-in schema with an empty version label.</summary>
    public static PolicyCompilation Compile(PolicySetDocument document) => Compile(document, AttributeSchema.Default, string.Empty);

    /// <summary>Compiles <paramref name="document"/> with an empty version label.</summary>
    public static PolicyCompilation Compile(PolicySetDocument document, AttributeSchema schema) => Compile(document, schema, string.Empty);

    /// <param name="document">The policy set.</param>
    /// <param name="schema">The attributes conditions may use, usually <see cref="AttributeSchema.Default"/>.</param>
    /// <param name="version">The version label decisions will carry (for instance the stored version number).</param>
    public static PolicyCompilation Compile(PolicySetDocument document, AttributeSchema schema, string version)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(schema);
        ArgumentNullException.ThrowIfNull(version);
        var diagnostics = new List<PolicyDiagnostic>();
        if (document.Schema != PolicySetDocument.CurrentSchema)
        {
            diagnostics.Add(new PolicyDiagnostic
            {
                Code = PolicyDiagnosticCodes.UnsupportedSchema,
                Field = "schema",
                Message = $"schema must be '{PolicySetDocument.CurrentSchema}', not '{document.Schema}'",
            });
        }

        var rules = document.Rules ?? [];
        if (rules.Count > PolicyLimits.MaxRules)
        {
            diagnostics.Add(new PolicyDiagnostic
            {
                Code = PolicyDiagnosticCodes.TooManyRules,
                Field = "rules",
                Message = $"the set has {rules.Count} rules; the limit is {PolicyLimits.MaxRules}",
            });
            return new PolicyCompilation(null, [.. diagnostics]);
        }

        var compiled = ImmutableArray.CreateBuilder<CompiledRule>(rules.Count);
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < rules.Count; i++)
        {
            if (rules[i] is not { } rule)
            {
                diagnostics.Add(new PolicyDiagnostic { Code = PolicyDiagnosticCodes.InvalidRule, Field = $"rules[{i}]", Message = "a rule cannot be null" });
                continue;
            }

            if (rule.Id is not null && !ids.Add(rule.Id))
            {
                diagnostics.Add(new PolicyDiagnostic
                {
                    Code = PolicyDiagnosticCodes.DuplicateRule,
                    RuleId = rule.Id,
                    Field = $"rules[{i}].id",
                    Message = $"another rule already has the id '{rule.Id}'",
                });
            }

            if (RuleCompiler.Compile(rule, i, schema, diagnostics) is { } compiledRule)
            {
                compiled.Add(compiledRule);
            }
        }

        return diagnostics.Count > 0
            ? new PolicyCompilation(null, [.. diagnostics])
            : new PolicyCompilation(new CompiledPolicySet(version, document.Name, compiled.DrainToImmutable()), []);
    }

    /// <summary>Checks one condition on its own, for editors and admin APIs; empty when it is valid.</summary>
    public static ImmutableArray<PolicyDiagnostic> CheckCondition(string condition, AttributeSchema schema)
    {
        ArgumentNullException.ThrowIfNull(condition);
        ArgumentNullException.ThrowIfNull(schema);
        var errors = new List<PolicyDiagnostic>();
        ConditionCompiler.Compile(condition, schema, errors);
        return [.. errors];
    }
}
