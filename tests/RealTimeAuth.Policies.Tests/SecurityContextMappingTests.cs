using RealTimeAuth.Protocol.Contexts;

namespace RealTimeAuth.Policies.Tests;

public sealed class SecurityContextMappingTests
{
    private static readonly SecurityContext Session = SecurityContext.Empty
        .With("user.iss", "https://idp.example")
        .With("user.sub", "u-1")
        .With("user.email", "u1@example.com")
        .With("user.roles", SecurityAttributeValue.FromStringSet(["editor", "admin"]))
        .With("user.risk_level", "medium")
        .With("user.assurance_level", 2L)
        .With("user.device_compliant", true)
        .With("user.name", "Una")
        .With("agent.id", "copilot-7")
        .With("agent.kind", "assistant")
        .With("delegation.depth", 1L);

    [Fact]
    public void ToSubject_SessionContext_MapsUserAttributes()
    {
        var subject = SecurityContextMapping.ToSubject(Session);

        Assert.Equal(("user", "u-1", "u1@example.com", "medium", 2L, true), (subject.Type, subject.Id, subject.Email, subject.RiskLevel, subject.AssuranceLevel, subject.DeviceCompliant));
        Assert.Equal(["admin", "editor"], [.. subject.Roles]);
        Assert.Equal(new Dictionary<string, string> { ["iss"] = "https://idp.example", ["name"] = "Una" }, subject.Attributes);
    }

    [Fact]
    public void ToSubject_WrongKinds_Ignored()
    {
        var subject = SecurityContextMapping.ToSubject(SecurityContext.Empty.With("user.sub", "u").With("user.email", 5L).With("user.roles", "admin"));

        Assert.Equal((null, 0), (subject.Email, subject.Roles.Length));
    }

    [Fact]
    public void ToSubject_NoSub_Throws() =>
        Assert.Throws<ArgumentException>(() => SecurityContextMapping.ToSubject(SecurityContext.Empty.With("user.email", "a@b")));

    [Fact]
    public void ToAgent_SessionContext_MapsAgentAndChain()
    {
        var agent = SecurityContextMapping.ToAgent(Session, ["portal-1", "copilot-7"])!;

        Assert.Equal(("copilot-7", "assistant", 1), (agent.Id, agent.Kind, agent.Depth));
        Assert.Equal(["portal-1", "copilot-7"], [.. agent.Chain]);
    }

    [Fact]
    public void ToAgent_RootWithoutChain_ChainIsItself() =>
        Assert.Equal(["p"], [.. SecurityContextMapping.ToAgent(SecurityContext.Empty.With("agent.id", "p").With("delegation.depth", 0L))!.Chain]);

    [Fact]
    public void ToAgent_NoAgentId_Null() => Assert.Null(SecurityContextMapping.ToAgent(SecurityContext.Empty.With("user.sub", "u")));

    [Fact]
    public void MappedSession_Evaluated_DecidesOnSessionFacts()
    {
        var request = new DecisionRequest
        {
            Subject = SecurityContextMapping.ToSubject(Session),
            Agent = SecurityContextMapping.ToAgent(Session, ["portal-1", "copilot-7"]),
            Action = "write",
            Resource = new PolicyResource { Type = "document", Id = "d" },
        };
        var policy = TestPolicies.Compile(TestPolicies.Allow("w", ["write"], condition:
            "'editor' in subject.roles && subject.risk_level <= 'medium' && context.agent.kind == 'assistant' && context.delegation.depth <= 1 && subject.attributes.iss.startsWith('https://')"));

        Assert.True(policy.Evaluate(request).Allowed);
    }
}
