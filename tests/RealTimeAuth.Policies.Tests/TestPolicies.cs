using RealTimeAuth.Policies.Model;

namespace RealTimeAuth.Policies.Tests;

/// <summary>Builds policy documents in code.</summary>
internal static class TestPolicies
{
    public const string VersionLabel = "v-test";

    public static PolicyRuleDocument Allow(
        string id,
        string[]? actions = null,
        ResourceMatchDocument[]? resources = null,
        string? condition = null,
        SubjectMatchDocument? subjects = null,
        AgentMatchDocument? agents = null) =>
        Rule(id, PolicyEffects.Allow, actions, resources, condition, subjects, agents);

    public static PolicyRuleDocument Deny(
        string id,
        string[]? actions = null,
        ResourceMatchDocument[]? resources = null,
        string? condition = null,
        SubjectMatchDocument? subjects = null,
        AgentMatchDocument? agents = null) =>
        Rule(id, PolicyEffects.Deny, actions, resources, condition, subjects, agents);

    public static ResourceMatchDocument Resource(string type, params string[] ids) => new() { Type = type, Ids = ids.Length == 0 ? null : ids };

    public static PolicySetDocument Set(params PolicyRuleDocument[] rules) =>
        new() { Schema = PolicySetDocument.CurrentSchema, Name = "test", Rules = rules };

    public static CompiledPolicySet Compile(params PolicyRuleDocument[] rules)
    {
        var compilation = PolicyCompiler.Compile(Set(rules), RealTimeAuth.Policies.Schema.AttributeSchema.Default, VersionLabel);
        Assert.True(compilation.Succeeded, string.Join("\n", compilation.Diagnostics));
        return compilation.PolicySet;
    }

    public static IReadOnlyList<PolicyDiagnostic> Diagnose(params PolicyRuleDocument[] rules)
    {
        var compilation = PolicyCompiler.Compile(Set(rules));
        Assert.False(compilation.Succeeded);
        Assert.Null(compilation.PolicySet);
        return compilation.Diagnostics;
    }

    private static PolicyRuleDocument Rule(
        string id,
        string effect,
        string[]? actions,
        ResourceMatchDocument[]? resources,
        string? condition,
        SubjectMatchDocument? subjects,
        AgentMatchDocument? agents) => new()
        {
            Id = id,
            Effect = effect,
            Actions = actions ?? ["read"],
            Resources = resources ?? [Resource("document")],
            Condition = condition,
            Subjects = subjects,
            Agents = agents,
        };
}
