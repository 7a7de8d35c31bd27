using RealTimeAuth.Policies.Conditions;
using RealTimeAuth.Policies.Model;
using RealTimeAuth.Policies.Schema;

namespace RealTimeAuth.Policies.Evaluation;

/// <summary>Validates one rule document and compiles it, reporting every problem with the rule id and field.</summary>
internal sealed class RuleCompiler
{
    private readonly PolicyRuleDocument _rule;
    private readonly string _path;
    private readonly List<PolicyDiagnostic> _diagnostics;

    private RuleCompiler(PolicyRuleDocument rule, string path, List<PolicyDiagnostic> diagnostics)
    {
        _rule = rule;
        _path = path;
        _diagnostics = diagnostics;
    }

    public static CompiledRule? Compile(PolicyRuleDocument rule, int index, AttributeSchema schema, List<PolicyDiagnostic> diagnostics)
    {
        var before = diagnostics.Count;
        var compiler = new RuleCompiler(rule, $"rules[{index}]", diagnostics);
        compiler.CheckName(rule.Id, "id", allowWildcard: false);
        var isDeny = compiler.Effect();
        var actions = compiler.Names(rule.Actions, "actions", required: true, allowWildcard: true);
        var resources = compiler.Resources();
        var subjects = rule.Subjects;
        var agents = rule.Agents;
        var compiled = new CompiledRule
        {
            Id = rule.Id,
            Index = index,
            IsDeny = isDeny,
            Actions = actions ?? [],
            Resources = resources,
            SubjectTypes = compiler.Names(subjects?.Types, "subjects.types"),
            SubjectIds = compiler.Patterns(subjects?.Ids, "subjects.ids"),
            Roles = compiler.Names(subjects?.Roles, "subjects.roles"),
            SubjectAttributes = compiler.Attributes(subjects?.Attributes),
            RequiresAgent = agents is not null,
            AgentKinds = compiler.Names(agents?.Kinds, "agents.kinds"),
            AgentIds = compiler.Patterns(agents?.Ids, "agents.ids"),
            MaxDepth = compiler.MaxDepth(agents?.MaxDepth),
            Condition = compiler.Condition(schema, out var dependsOnRequest),
            ConditionDependsOnRequest = dependsOnRequest,
        };
        return diagnostics.Count == before ? compiled : null;
    }

    private bool Effect()
    {
        if (_rule.Effect is not (PolicyEffects.Allow or PolicyEffects.Deny))
        {
            Report("effect", $"effect must be '{PolicyEffects.Allow}' or '{PolicyEffects.Deny}', not '{_rule.Effect}'");
        }

        return _rule.Effect == PolicyEffects.Deny;
    }

    private (string Type, GlobPattern[]? Ids)[] Resources()
    {
        if (_rule.Resources is null || _rule.Resources.Count == 0)
        {
            Report("resources", "resources must name at least one resource type, or '*' for every type");
            return [];
        }

        var resources = new (string, GlobPattern[]?)[_rule.Resources.Count];
        for (var i = 0; i < resources.Length; i++)
        {
            var resource = _rule.Resources[i];
            var field = $"resources[{i}]";
            if (resource is null)
            {
                Report(field, "a resource entry cannot be null");
                continue;
            }

            CheckName(resource.Type, field + ".type", allowWildcard: true);
            resources[i] = (resource.Type, Patterns(resource.Ids, field + ".ids"));
        }

        return resources;
    }

    private string[]? Names(IReadOnlyList<string>? names, string field, bool required = false, bool allowWildcard = false)
    {
        if (names is null && !required)
        {
            return null;
        }

        if (names is null || names.Count == 0)
        {
            Report(field, required
                ? $"{field} must name at least one value{(allowWildcard ? ", or '*' for all" : string.Empty)}"
                : $"{field} is empty and would match nothing; omit it to match any");
            return null;
        }

        for (var i = 0; i < names.Count; i++)
        {
            CheckName(names[i], $"{field}[{i}]", allowWildcard);
        }

        return [.. names];
    }

    private GlobPattern[]? Patterns(IReadOnlyList<string>? patterns, string field)
    {
        if (patterns is null)
        {
            return null;
        }

        if (patterns.Count == 0)
        {
            Report(field, $"{field} is empty and would match nothing; omit it to match any id");
            return null;
        }

        for (var i = 0; i < patterns.Count; i++)
        {
            CheckText(patterns[i], $"{field}[{i}]");
        }

        return [.. patterns.Where(pattern => pattern is not null).Select(GlobPattern.Parse)];
    }

    private KeyValuePair<string, string>[]? Attributes(IReadOnlyDictionary<string, string>? attributes)
    {
        if (attributes is null)
        {
            return null;
        }

        if (attributes.Count == 0)
        {
            Report("subjects.attributes", "subjects.attributes is empty; omit it to match any");
            return null;
        }

        foreach (var (name, value) in attributes)
        {
            CheckText(name, $"subjects.attributes.{name}");
            if (value is null)
            {
                Report($"subjects.attributes.{name}", "an attribute value cannot be null");
            }
        }

        return [.. attributes];
    }

    private int? MaxDepth(int? maxDepth)
    {
        if (maxDepth < 0)
        {
            Report("agents.maxDepth", "agents.maxDepth cannot be negative");
        }

        return maxDepth;
    }

    private AttributeReader<bool>? Condition(AttributeSchema schema, out bool dependsOnRequest)
    {
        dependsOnRequest = false;
        if (_rule.Condition is null)
        {
            return null;
        }

        var errors = new List<PolicyDiagnostic>();
        var condition = ConditionCompiler.Compile(_rule.Condition, schema, errors, out dependsOnRequest);
        _diagnostics.AddRange(errors.Select(error => error with { RuleId = _rule.Id, Field = $"{_path}.condition" }));
        return condition;
    }

    private void CheckName(string? name, string field, bool allowWildcard)
    {
        if (CheckText(name, field) && name!.Contains('*', StringComparison.Ordinal) && !(allowWildcard && name == RuleIndex.Wildcard))
        {
            Report(field, allowWildcard
                ? $"'{name}' is not a name: names match exactly, and '*' alone matches all"
                : $"'{name}' is not a name: names match exactly; omit the field to match any");
        }
    }

    private bool CheckText(string? text, string field)
    {
        if (string.IsNullOrEmpty(text) || text.Length > PolicyLimits.MaxNameLength || text.Any(char.IsControl))
        {
            Report(field, $"{field} must be 1 to {PolicyLimits.MaxNameLength} characters without control characters");
            return false;
        }

        return true;
    }

    private void Report(string field, string message) =>
        _diagnostics.Add(new PolicyDiagnostic
        {
            Code = PolicyDiagnosticCodes.InvalidRule,
            Message = message,
            RuleId = string.IsNullOrEmpty(_rule.Id) ? null : _rule.Id,
            Field = $"{_path}.{field}",
        });
}
