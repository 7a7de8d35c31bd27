using RealTimeAuth.Policies;
using RealTimeAuth.Policies.Model;
using static RealTimeAuth.Policies.Tests.TestPolicies;

namespace RealTimeAuth.Server.Tests.PolicyStore;

/// <summary>What a policy set could allow a session's subject and agent, whatever the resource, context and time.</summary>
public sealed class PermissionAnalysisTests
{
    private static readonly PolicySubject LowRisk = new() { Type = "user", Id = "u1", Roles = ["editor"], RiskLevel = "low" };
    private static readonly PolicySubject HighRisk = new() { Type = "user", Id = "u1", Roles = ["editor"], RiskLevel = "high" };
    private static readonly PolicyAgent Writer = new() { Id = "w1", Kind = "data-writer", Depth = 1, Chain = ["c1", "w1"] };

    [Fact]
    public void Analyze_UnconditionalAllow_Allowed()
    {
        var set = Compile(Allow("read", ["read"], [Resource("records")]));

        Assert.Equal(PermissionLevel.Allowed, set.Analyze(LowRisk, Writer, "read", "records"));
        Assert.Equal(PermissionLevel.Denied, set.Analyze(LowRisk, Writer, "write", "records"));
        Assert.Equal(PermissionLevel.Denied, set.Analyze(LowRisk, Writer, "read", "todos"));
    }

    [Fact]
    public void Analyze_ConditionOnSubjectOnly_EvaluatedForTheSubject()
    {
        var set = Compile(Allow("write-low", ["write"], [Resource("records")], condition: "subject.risk_level == 'low'"));

        Assert.Equal(PermissionLevel.Allowed, set.Analyze(LowRisk, Writer, "write", "records"));
        Assert.Equal(PermissionLevel.Denied, set.Analyze(HighRisk, Writer, "write", "records"));
    }

    [Fact]
    public void Analyze_ConditionOnResourceOrTime_Possible()
    {
        var set = Compile(
            Allow("own", ["write"], [Resource("records")], condition: "resource.properties.ownerID == subject.id"),
            Allow("office-hours", ["read"], [Resource("records")], condition: "context.time_of_day >= 480"),
            Allow("claimed-drafts", ["comment"], [Resource("records")], condition: "resource.asserted.stage == 'draft'"));

        Assert.Equal(PermissionLevel.Possible, set.Analyze(LowRisk, Writer, "write", "records"));
        Assert.Equal(PermissionLevel.Possible, set.Analyze(LowRisk, Writer, "read", "records"));
        Assert.Equal(PermissionLevel.Possible, set.Analyze(LowRisk, Writer, "comment", "records"));
    }

    [Fact]
    public void Analyze_AllowRestrictedToSomeIds_Possible()
    {
        var set = Compile(Allow("some", ["read"], [Resource("records", "public-*")]));

        Assert.Equal(PermissionLevel.Possible, set.Analyze(LowRisk, Writer, "read", "records"));
    }

    [Fact]
    public void Analyze_UnconditionalDenyForEveryId_RemovesIt()
    {
        var set = Compile(
            Allow("all", ["*"], [Resource("*")]),
            Deny("no-writer-writes", ["write"], [Resource("records", "*")], agents: new AgentMatchDocument { Kinds = ["data-writer"] }));

        Assert.Equal(PermissionLevel.Denied, set.Analyze(LowRisk, Writer, "write", "records"));
        Assert.Equal(PermissionLevel.Allowed, set.Analyze(LowRisk, Writer, "read", "records"));
        Assert.Equal(PermissionLevel.Allowed, set.Analyze(LowRisk, null, "write", "records"));
    }

    [Fact]
    public void Analyze_DenyForSomeIdsOrConditional_LeavesItPossible()
    {
        var set = Compile(
            Allow("all", ["write"], [Resource("records")]),
            Deny("secret", ["write"], [Resource("records", "secret-*")]),
            Deny("risky", ["write"], [Resource("records")], condition: "subject.risk_level == 'high'"));

        Assert.Equal(PermissionLevel.Possible, set.Analyze(LowRisk, Writer, "write", "records"));
        Assert.Equal(PermissionLevel.Denied, set.Analyze(HighRisk, Writer, "write", "records"));
    }

    [Fact]
    public void Analyze_SubjectAndAgentMatchers_Apply()
    {
        var set = Compile(
            Allow("editors", ["write"], [Resource("records")], subjects: new SubjectMatchDocument { Roles = ["editor"] }),
            Allow("readers", ["read"], [Resource("records")], agents: new AgentMatchDocument { Kinds = ["reader"] }));

        Assert.Equal(PermissionLevel.Allowed, set.Analyze(LowRisk, Writer, "write", "records"));
        Assert.Equal(PermissionLevel.Denied, set.Analyze(new PolicySubject { Type = "user", Id = "u2" }, Writer, "write", "records"));
        Assert.Equal(PermissionLevel.Denied, set.Analyze(LowRisk, Writer, "read", "records"));
    }

    [Fact]
    public void ActionsFor_NamesTheTypesActionsAndWildcardTypes()
    {
        var set = Compile(
            Allow("a", ["read", "write"], [Resource("records")]),
            Allow("b", ["list"], [Resource("*")]),
            Allow("c", ["*"], [Resource("records")]),
            Allow("d", ["delete"], [Resource("todos")]));

        Assert.Equal(["list", "read", "write"], set.ActionsFor("records").ToArray());
        Assert.Equal(["delete", "list"], set.ActionsFor("todos").ToArray());
    }
}
