using RealTimeAuth.Policies.Model;
using static RealTimeAuth.Policies.Tests.TestPolicies;

namespace RealTimeAuth.Policies.Tests;

/// <summary>Combining rules: deny overrides allow, default deny, what a decision reports.</summary>
public sealed class PolicyDecisionTests
{
    [Fact]
    public void Evaluate_AllowRuleApplies_AllowsWithRuleAndVersion()
    {
        var policy = Compile(Allow("read-docs"));

        var decision = policy.Evaluate(TestRequests.Request());

        Assert.Equal(new PolicyDecision(true, PolicyReasons.Allowed, "read-docs", VersionLabel), decision);
    }

    [Fact]
    public void Evaluate_NoRuleApplies_DeniesByDefault()
    {
        var policy = Compile(Allow("read-docs"));

        var decision = policy.Evaluate(TestRequests.Request(action: "delete"));

        Assert.Equal(new PolicyDecision(false, PolicyReasons.NoMatchingRule, null, VersionLabel), decision);
    }

    [Fact]
    public void Evaluate_EmptySet_DeniesByDefault() =>
        Assert.Equal(PolicyReasons.NoMatchingRule, Compile().Evaluate(TestRequests.Request()).Reason);

    [Fact]
    public void Evaluate_AllowAndDenyApply_DenyOverridesWhateverTheOrder()
    {
        var allowFirst = Compile(Allow("allow-all", ["*"], [Resource("*")]), Deny("no-drafts", resources: [Resource("document", "*-draft")]));
        var denyFirst = Compile(Deny("no-drafts", resources: [Resource("document", "*-draft")]), Allow("allow-all", ["*"], [Resource("*")]));
        var request = TestRequests.Request(resourceId: "plan-draft");

        Assert.Equal(new PolicyDecision(false, PolicyReasons.DeniedByRule, "no-drafts", VersionLabel), allowFirst.Evaluate(request));
        Assert.Equal(new PolicyDecision(false, PolicyReasons.DeniedByRule, "no-drafts", VersionLabel), denyFirst.Evaluate(request));
        Assert.True(allowFirst.Evaluate(TestRequests.Request(resourceId: "plan")).Allowed);
    }

    [Fact]
    public void Evaluate_DenyConditionFalse_AllowStands()
    {
        var policy = Compile(Allow("read"), Deny("high-risk", condition: "subject.risk_level == 'high'"));

        Assert.Equal("read", policy.Evaluate(TestRequests.Request()).RuleId);
    }

    [Fact]
    public void Evaluate_AllowConditionUnevaluable_DoesNotAllow()
    {
        var policy = Compile(Allow("owner-reads", condition: "resource.properties.owner == subject.email"));

        var decision = policy.Evaluate(TestRequests.Request());

        Assert.Equal(new PolicyDecision(false, PolicyReasons.NoMatchingRule, null, VersionLabel), decision);
    }

    [Fact]
    public void Evaluate_DenyConditionUnevaluable_DeniesFailClosed()
    {
        var policy = Compile(Allow("read"), Deny("risky", condition: "subject.risk_level >= 'medium'"));

        var decision = policy.Evaluate(TestRequests.Request(subject: TestRequests.Bare));

        Assert.Equal(new PolicyDecision(false, PolicyReasons.DeniedByRule, "risky", VersionLabel, ConditionFailed: true), decision);
    }

    [Fact]
    public void Evaluate_DenyGuardedByHas_DoesNotFailClosed()
    {
        var policy = Compile(Allow("read"), Deny("risky", condition: "has(subject.risk_level) && subject.risk_level >= 'medium'"));

        Assert.True(policy.Evaluate(TestRequests.Request(subject: TestRequests.Bare)).Allowed);
    }

    [Fact]
    public void Evaluate_FailedAndCleanDenies_ReportsTheCleanOne()
    {
        var policy = Compile(Deny("unevaluable", condition: "resource.properties.missing == 'x'"), Deny("clean"));

        var decision = policy.Evaluate(TestRequests.Request());

        Assert.Equal(("clean", false), (decision.RuleId, decision.ConditionFailed));
    }

    [Fact]
    public void Evaluate_RequestWithoutSubject_Throws() =>
        Assert.Throws<ArgumentException>(() => Compile().Evaluate(default));

    [Fact]
    public void Explain_SeveralRulesApply_ListsEachInDocumentOrder()
    {
        var policy = Compile(
            Allow("by-type", ["*"], [Resource("document")]),
            Deny("unevaluable", condition: "resource.properties.missing == 'x'"),
            Allow("by-action"),
            Allow("not-me", subjects: new SubjectMatchDocument { Ids = ["bob"] }),
            Deny("never", condition: "false"));

        var explanation = policy.Explain(TestRequests.Request());

        Assert.Equal(["by-type", "by-action"], [.. explanation.AllowRules]);
        Assert.Equal(["unevaluable"], [.. explanation.DenyRules]);
        Assert.Equal(["unevaluable"], [.. explanation.FailedConditions]);
        Assert.Equal(policy.Evaluate(TestRequests.Request()), explanation.Decision);
    }

    [Fact]
    public void CompiledSet_Properties_ReportVersionNameAndRules()
    {
        var policy = Compile(Allow("a"), Deny("b"));

        Assert.Equal((VersionLabel, "test"), (policy.Version, policy.Name));
        Assert.Equal(["a", "b"], [.. policy.RuleIds]);
    }
}
