using RealTimeAuth.Policies;
using RealTimeAuth.Policies.Files;
using RealTimeAuth.Policies.Schema;
using RealTimeAuth.Testing;

namespace RealTimeAuth.Server.Tests.PolicyStore;

/// <summary>
/// <c>policies/agents.policy.json</c>, which the app host seeds for the simulator: its steady scenario is allowed, writes
/// need low risk and a compliant device, and high risk denies writes while reads go on.
/// </summary>
public sealed class DemoPolicyTests
{
    private static readonly CompiledPolicySet Policy = Load();

    [Theory]
    [InlineData("policy-reader", 1, "read", "policies")]
    [InlineData("compliance-checker", 1, "read", "compliance")]
    [InlineData("compliance-checker", 1, "read", "records")]
    [InlineData("data-writer", 1, "read", "records")]
    [InlineData("data-writer", 1, "write", "records")]
    [InlineData("record-exporter", 2, "read", "records")]
    [InlineData("load-agent", 0, "write", "records")]
    [InlineData("copilot", 0, "write", "todos")]
    public void SteadyWork_UnassessedUser_Allowed(string kind, int depth, string action, string type)
    {
        Assert.True(Decide(new PolicySubject { Type = "user", Id = "u" }, kind, depth, action, type).Allowed);
    }

    [Theory]
    [InlineData("low", true, true)]
    [InlineData("medium", true, false)]
    [InlineData("high", true, false)]
    [InlineData("low", false, false)]
    public void Write_DependsOnRiskAndDevice_ReadsGoOn(string risk, bool compliant, bool writeAllowed)
    {
        var subject = new PolicySubject { Type = "user", Id = "u", RiskLevel = risk, DeviceCompliant = compliant };

        var write = Decide(subject, "data-writer", 1, "write", "records");
        var read = Decide(subject, "data-writer", 1, "read", "records");

        Assert.Equal(writeAllowed, write.Allowed);
        Assert.True(read.Allowed);
        Assert.Equal(writeAllowed ? PermissionLevel.Allowed : PermissionLevel.Denied,
            Policy.Analyze(subject, Agent("data-writer", 1), "write", "records"));
    }

    [Fact]
    public void Write_ByExporterOrTooDeep_Denied()
    {
        var subject = new PolicySubject { Type = "user", Id = "u", RiskLevel = "low" };

        Assert.False(Decide(subject, "record-exporter", 2, "write", "records").Allowed);
        Assert.False(Decide(subject, "data-writer", 3, "write", "todos").Allowed);
    }

    [Fact]
    public void Write_ByAnyAgentAnExporterDelegatedTo_Denied()
    {
        var subject = new PolicySubject { Type = "user", Id = "u", RiskLevel = "low" };
        var laundered = new PolicyAgent { Id = "w", Kind = "data-writer", Depth = 2, ChainKinds = ["copilot", "record-exporter", "data-writer"] };
        var honest = new PolicyAgent { Id = "w", Kind = "data-writer", Depth = 2, ChainKinds = ["copilot", "data-writer", "data-writer"] };

        var denied = Decide(subject, laundered, "write", "records");

        Assert.Equal((false, "exporters-never-write"), (denied.Allowed, denied.RuleId));
        Assert.True(Decide(subject, honest, "write", "records").Allowed);
    }

    private static PolicyDecision Decide(PolicySubject subject, string kind, int depth, string action, string type) =>
        Decide(subject, Agent(kind, depth), action, type);

    private static PolicyDecision Decide(PolicySubject subject, PolicyAgent agent, string action, string type) =>
        Policy.Evaluate(new DecisionRequest
        {
            Subject = subject,
            Agent = agent,
            Action = action,
            Resource = new PolicyResource { Type = type, Id = $"{type}-1" },
            Time = DateTimeOffset.UnixEpoch,
        });

    private static PolicyAgent Agent(string kind, int depth) => new() { Id = kind, Kind = kind, Depth = depth };

    private static CompiledPolicySet Load()
    {
        var compilation = PolicyFile.Load(RepositoryFiles.Read("policies/agents.policy.json"), AttributeSchema.Default, "agents");
        Assert.True(compilation.Succeeded, string.Join("; ", compilation.Diagnostics));
        return compilation.PolicySet;
    }
}
