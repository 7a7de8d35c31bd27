using RealTimeAuth.Policies.Model;
using static RealTimeAuth.Policies.Tests.TestPolicies;

namespace RealTimeAuth.Policies.Tests;

/// <summary>How a rule's actions, resources, subjects and agents select requests.</summary>
public sealed class RuleMatchingTests
{
    [Theory]
    [InlineData("read", true)]
    [InlineData("write", true)]
    [InlineData("Read", false)]
    [InlineData("delete", false)]
    [InlineData("*", false)]
    public void Actions_ListedNames_MatchExactly(string action, bool allowed)
    {
        var policy = Compile(Allow("rw", ["read", "write"]));

        Assert.Equal(allowed, policy.Evaluate(TestRequests.Request(action: action)).Allowed);
    }

    [Theory]
    [InlineData("read")]
    [InlineData("anything")]
    [InlineData("*")]
    public void Actions_Wildcard_MatchesEveryAction(string action) =>
        Assert.True(Compile(Allow("any", ["*"])).Evaluate(TestRequests.Request(action: action)).Allowed);

    [Theory]
    [InlineData("document", true)]
    [InlineData("report", true)]
    [InlineData("Document", false)]
    public void Resources_Type_MatchesExactlyOrByWildcard(string type, bool allowed)
    {
        var policy = Compile(Allow("docs", resources: [Resource("document")]), Allow("reports", resources: [Resource("report")]));

        Assert.Equal(allowed, policy.Evaluate(TestRequests.Request(resourceType: type)).Allowed);
        Assert.True(Compile(Allow("all", resources: [Resource("*")])).Evaluate(TestRequests.Request(resourceType: type)).Allowed);
    }

    [Theory]
    [InlineData("doc-1", true)]
    [InlineData("doc-", true)]
    [InlineData("plan-draft", true)]
    [InlineData("x/y/z", true)]
    [InlineData("a-b-c", true)]
    [InlineData("report-1", false)]
    [InlineData("draft-plan", false)]
    [InlineData("ac", false)]
    [InlineData(null, false)]
    public void Resources_IdGlobs_MatchStarPatterns(string? id, bool allowed)
    {
        var policy = Compile(Allow("globs", resources: [Resource("document", "doc-*", "*-draft", "x/*", "a*b*c")]));

        Assert.Equal(allowed, policy.Evaluate(TestRequests.Request(resourceId: id)).Allowed);
    }

    [Fact]
    public void Resources_SameRuleDifferentTypes_UseEachTypesPatterns()
    {
        var policy = Compile(Allow("mixed", resources: [Resource("document", "doc-*"), Resource("report"), Resource("*", "public-*")]));

        Assert.True(policy.Evaluate(TestRequests.Request(resourceType: "document", resourceId: "doc-9")).Allowed);
        Assert.True(policy.Evaluate(TestRequests.Request(resourceType: "document", resourceId: "public-1")).Allowed);
        Assert.False(policy.Evaluate(TestRequests.Request(resourceType: "document", resourceId: "rep-1")).Allowed);
        Assert.True(policy.Evaluate(TestRequests.Request(resourceType: "report", resourceId: "anything")).Allowed);
        Assert.True(policy.Evaluate(TestRequests.Request(resourceType: "image", resourceId: "public-cat")).Allowed);
        Assert.False(policy.Evaluate(TestRequests.Request(resourceType: "image", resourceId: "cat")).Allowed);
    }

    [Theory]
    [InlineData("user", "alice", true)]
    [InlineData("service", "alice", false)]
    [InlineData("user", "alex", false)]
    public void Subjects_TypesAndIdGlobs_MustBothMatch(string type, string id, bool allowed)
    {
        var policy = Compile(Allow("alices", subjects: new SubjectMatchDocument { Types = ["user"], Ids = ["ali*", "carol"] }));
        var subject = new PolicySubject { Type = type, Id = id };

        Assert.Equal(allowed, policy.Evaluate(TestRequests.Request(subject: subject)).Allowed);
    }

    [Theory]
    [InlineData(new[] { "staff" }, true)]
    [InlineData(new[] { "viewer", "admin" }, true)]
    [InlineData(new[] { "viewer" }, false)]
    [InlineData(new string[0], false)]
    public void Subjects_Roles_AnyListedRoleMatches(string[] roles, bool allowed)
    {
        var policy = Compile(Allow("staff", subjects: new SubjectMatchDocument { Roles = ["admin", "staff"] }));
        var subject = new PolicySubject { Type = "user", Id = "u", Roles = [.. roles] };

        Assert.Equal(allowed, policy.Evaluate(TestRequests.Request(subject: subject)).Allowed);
    }

    [Fact]
    public void Subjects_Attributes_AllMustEqual()
    {
        var engParis = Compile(Allow("eng-paris", subjects: new SubjectMatchDocument { Attributes = TestRequests.Map(("department", "eng"), ("site", "paris")) }));
        var engLondon = Compile(Allow("eng-london", subjects: new SubjectMatchDocument { Attributes = TestRequests.Map(("department", "eng"), ("site", "london")) }));

        Assert.True(engParis.Evaluate(TestRequests.Request()).Allowed);
        Assert.False(engLondon.Evaluate(TestRequests.Request()).Allowed);
        Assert.False(engParis.Evaluate(TestRequests.Request(subject: TestRequests.Bare)).Allowed);
    }

    [Fact]
    public void Agents_Omitted_MatchesWithOrWithoutAgent()
    {
        var policy = Compile(Allow("any"));

        Assert.True(policy.Evaluate(TestRequests.Request()).Allowed);
        Assert.True(policy.Evaluate(TestRequests.Request(agent: TestRequests.Copilot)).Allowed);
    }

    [Fact]
    public void Agents_Present_RequiresAnActingAgent()
    {
        var policy = Compile(Allow("agents-only", agents: new AgentMatchDocument()));

        Assert.False(policy.Evaluate(TestRequests.Request()).Allowed);
        Assert.True(policy.Evaluate(TestRequests.Request(agent: TestRequests.Copilot)).Allowed);
    }

    [Theory]
    [InlineData("assistant", "copilot-7", true)]
    [InlineData("assistant", "copilot-x", true)]
    [InlineData("crawler", "copilot-7", false)]
    [InlineData("assistant", "rogue-1", false)]
    public void Agents_KindsAndIdGlobs_MustBothMatch(string kind, string id, bool allowed)
    {
        var policy = Compile(Allow("copilots", agents: new AgentMatchDocument { Kinds = ["assistant", "tool"], Ids = ["copilot-*"] }));

        Assert.Equal(allowed, policy.Evaluate(TestRequests.Request(agent: TestRequests.Agent(kind, 0, id))).Allowed);
    }

    [Theory]
    [InlineData("assistant", 0, true)]
    [InlineData("assistant", 1, true)]
    [InlineData("assistant", 2, false)]
    [InlineData("assistant", 5, false)]
    [InlineData("crawler", 0, false)]
    public void Attenuation_OnlyAssistantsUpToDepthOne_Allowed(string kind, int depth, bool allowed)
    {
        var policy = Compile(
            Allow("assistants-shallow", ["read", "write"], agents: new AgentMatchDocument { Kinds = ["assistant"], MaxDepth = 1 }),
            Allow("users-direct", ["read", "write"], condition: "!has(context.agent.id)"));

        var decision = policy.Evaluate(TestRequests.Request(action: "write", agent: TestRequests.Agent(kind, depth)));

        Assert.Equal(allowed, decision.Allowed);
        Assert.True(policy.Evaluate(TestRequests.Request(action: "write")).Allowed);
    }

    [Fact]
    public void Attenuation_DenyWhenChainHoldsUntrustedAgent_OverridesAllow()
    {
        var policy = Compile(
            Allow("assistants", agents: new AgentMatchDocument { Kinds = ["assistant"] }),
            Deny("untrusted-in-chain", ["*"], [Resource("*")], condition: "context.chain.exists(a, a.startsWith('untrusted-'))"));
        var clean = new PolicyAgent { Id = "copilot-7", Kind = "assistant", Depth = 1, Chain = ["portal-1", "copilot-7"] };
        var tainted = new PolicyAgent { Id = "copilot-7", Kind = "assistant", Depth = 2, Chain = ["portal-1", "untrusted-9", "copilot-7"] };

        Assert.True(policy.Evaluate(TestRequests.Request(agent: clean)).Allowed);
        Assert.Equal("untrusted-in-chain", policy.Evaluate(TestRequests.Request(agent: tainted)).RuleId);
    }

    [Fact]
    public void Condition_WithDelegationDepth_AttenuatesPerAction()
    {
        var policy = Compile(
            Allow("read-any-depth", ["read"], agents: new AgentMatchDocument()),
            Allow("write-shallow", ["write"], condition: "context.delegation.depth < 1 && context.agent.kind in ['assistant']"));

        Assert.True(policy.Evaluate(TestRequests.Request(action: "read", agent: TestRequests.Agent("assistant", 3))).Allowed);
        Assert.True(policy.Evaluate(TestRequests.Request(action: "write", agent: TestRequests.Agent("assistant", 0))).Allowed);
        Assert.False(policy.Evaluate(TestRequests.Request(action: "write", agent: TestRequests.Agent("assistant", 1))).Allowed);
        Assert.False(policy.Evaluate(TestRequests.Request(action: "write")).Allowed);
    }
}
