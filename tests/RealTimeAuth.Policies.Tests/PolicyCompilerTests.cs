using RealTimeAuth.Policies.Model;
using static RealTimeAuth.Policies.Tests.TestPolicies;

namespace RealTimeAuth.Policies.Tests;

/// <summary>Rule validation at load: every problem reported with rule id and field, nothing compiled.</summary>
public sealed class PolicyCompilerTests
{
    [Fact]
    public void Compile_ConditionError_ReportsRuleFieldAndPosition()
    {
        var diagnostics = Diagnose(Allow("fine"), Allow("typo", condition: "true &&\n  subject.rolez == 'a'"));

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(
            (PolicyDiagnosticCodes.UnknownAttribute, "typo", "rules[1].condition", 2, 11),
            (diagnostic.Code, diagnostic.RuleId, diagnostic.Field, diagnostic.Line, diagnostic.Column));
        Assert.StartsWith("rule 'typo' rules[1].condition (2:11) unknown-attribute: unknown attribute 'subject.rolez'", diagnostic.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_SeveralBadRules_ReportsEveryProblem()
    {
        var diagnostics = Diagnose(
            Allow("a", condition: "==="),
            Allow("a"),
            new PolicyRuleDocument { Id = "b", Effect = "permit", Actions = [], Resources = [] });

        Assert.Equal(
            [
                ("a", "rules[0].condition", PolicyDiagnosticCodes.Syntax),
                ("a", "rules[1].id", PolicyDiagnosticCodes.DuplicateRule),
                ("b", "rules[2].effect", PolicyDiagnosticCodes.InvalidRule),
                ("b", "rules[2].actions", PolicyDiagnosticCodes.InvalidRule),
                ("b", "rules[2].resources", PolicyDiagnosticCodes.InvalidRule),
            ],
            diagnostics.Select(d => (d.RuleId, d.Field, d.Code)));
    }

    [Theory]
    [InlineData("rules[0].actions[0]", new[] { "can_*" }, "document", null)]
    [InlineData("rules[0].actions[0]", new[] { "" }, "document", null)]
    [InlineData("rules[0].resources[0].type", new[] { "read" }, "doc*", null)]
    [InlineData("rules[0].resources[0].type", new[] { "read" }, "", null)]
    [InlineData("rules[0].resources[0].ids", new[] { "read" }, "document", new string[0])]
    [InlineData("rules[0].resources[0].ids[0]", new[] { "read" }, "document", new[] { "" })]
    public void Compile_BadActionOrResource_ReportsField(string field, string[] actions, string type, string[]? ids)
    {
        var rule = new PolicyRuleDocument { Id = "r", Effect = PolicyEffects.Allow, Actions = actions, Resources = [new() { Type = type, Ids = ids }] };

        var diagnostic = Assert.Single(Diagnose(rule));

        Assert.Equal((PolicyDiagnosticCodes.InvalidRule, "r", field), (diagnostic.Code, diagnostic.RuleId, diagnostic.Field));
    }

    [Fact]
    public void Compile_EmptyOrWildcardMatchLists_Rejected()
    {
        var diagnostics = Diagnose(
            Allow("s", subjects: new SubjectMatchDocument { Types = [], Roles = ["*"], Ids = [], Attributes = new Dictionary<string, string>() }),
            Allow("g", agents: new AgentMatchDocument { Kinds = [], Ids = [""], MaxDepth = -1 }));

        Assert.Equal(
            [
                "rules[0].subjects.types", "rules[0].subjects.ids", "rules[0].subjects.roles[0]", "rules[0].subjects.attributes",
                "rules[1].agents.kinds", "rules[1].agents.ids[0]", "rules[1].agents.maxDepth",
            ],
            diagnostics.Select(d => d.Field));
    }

    [Fact]
    public void Compile_BadIdAndNullRule_Reported()
    {
        var document = new PolicySetDocument { Schema = PolicySetDocument.CurrentSchema, Rules = [Allow(""), null!, Allow(new string('x', 300))] };

        var diagnostics = PolicyCompiler.Compile(document).Diagnostics;

        Assert.Equal(["rules[0].id", "rules[1]", "rules[2].id"], diagnostics.Select(d => d.Field));
        Assert.Null(diagnostics[0].RuleId);
    }

    [Fact]
    public void Compile_UnknownSchema_Rejected()
    {
        var document = new PolicySetDocument { Schema = "rta.policy/v2", Rules = [] };

        var diagnostic = Assert.Single(PolicyCompiler.Compile(document).Diagnostics);

        Assert.Equal((PolicyDiagnosticCodes.UnsupportedSchema, "schema"), (diagnostic.Code, diagnostic.Field));
    }

    [Fact]
    public void Compile_TooManyRules_RejectedWithoutCompilingThem()
    {
        var rules = Enumerable.Range(0, PolicyLimits.MaxRules + 1).Select(i => Allow($"r{i}", condition: "===")).ToArray();

        var diagnostic = Assert.Single(Diagnose(rules));

        Assert.Equal(PolicyDiagnosticCodes.TooManyRules, diagnostic.Code);
    }
}
