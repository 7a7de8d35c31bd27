using RealTimeAuth.Policies.Model;
using static RealTimeAuth.Policies.Tests.TestPolicies;

namespace RealTimeAuth.Policies.Tests;

/// <summary>
/// The action/type index must not change decisions: a generated 300-rule set decides every random request
/// exactly as the rules taken one at a time do (deny if any deny applies, else allow if any allow applies).
/// </summary>
public sealed class RuleIndexTests
{
    private static readonly string[] Actions = ["read", "write", "delete", "share", "*"];
    private static readonly string[] Types = ["document", "report", "image", "*"];
    private static readonly string[] Conditions =
    [
        "'editor' in subject.roles",
        "resource.properties.ownerID == subject.email",
        "has(context.agent.id) && context.delegation.depth <= 1",
        "resource.properties.level == 'secret'",
        "subject.risk_level < 'high'",
    ];

    [Fact]
    public void Evaluate_GeneratedSet_DecidesAsRulesTakenOneAtATime()
    {
        var random = new Random(11);
        var rules = Enumerable.Range(0, 300).Select(i => RandomRule(random, i)).ToArray();
        var whole = Compile(rules);
        var single = rules.Select(rule => Compile(rule)).ToArray();

        for (var i = 0; i < 3_000; i++)
        {
            var request = RandomRequest(random);
            var decisions = single.Select(policy => policy.Evaluate(request)).ToList();
            var denies = decisions.Where(d => d.Reason == PolicyReasons.DeniedByRule).Select(d => d.RuleId).ToHashSet();
            var allows = decisions.Where(d => d.Allowed).Select(d => d.RuleId).ToHashSet();

            var decision = whole.Evaluate(request);

            if (denies.Count > 0)
            {
                Assert.Equal(PolicyReasons.DeniedByRule, decision.Reason);
                Assert.Contains(decision.RuleId, denies);
            }
            else if (allows.Count > 0)
            {
                Assert.Equal(PolicyReasons.Allowed, decision.Reason);
                Assert.Contains(decision.RuleId, allows);
            }
            else
            {
                Assert.Equal(PolicyReasons.NoMatchingRule, decision.Reason);
            }
        }
    }

    private static PolicyRuleDocument RandomRule(Random random, int index)
    {
        var actions = random.Next(8) == 0 ? ["*"] : Pick(random, Actions[..^1], random.Next(1, 3));
        var resources = Pick(random, Types, random.Next(1, 3))
            .Select(type => Resource(type, random.Next(3) == 0 ? ["doc-*", $"*-{index % 7}"] : []))
            .ToArray();
        var condition = random.Next(3) == 0 ? Conditions[random.Next(Conditions.Length)] : null;
        var subjects = random.Next(4) == 0 ? new SubjectMatchDocument { Roles = ["editor", "admin"] } : null;
        var agents = random.Next(6) == 0 ? new AgentMatchDocument { MaxDepth = random.Next(3) } : null;
        return random.Next(5) == 0
            ? Deny($"deny-{index}", actions, resources, condition, subjects, agents)
            : Allow($"allow-{index}", actions, resources, condition, subjects, agents);
    }

    private static DecisionRequest RandomRequest(Random random)
    {
        var properties = random.Next(2) == 0
            ? TestRequests.Map(("ownerID", "alice@example.com"), ("level", random.Next(2) == 0 ? "secret" : "public"))
            : TestRequests.Map(("ownerID", "bob@example.com"));
        return TestRequests.Request(
            action: Actions[random.Next(Actions.Length - 1)] + (random.Next(10) == 0 ? "-other" : string.Empty),
            resourceType: Types[random.Next(Types.Length - 1)] + (random.Next(10) == 0 ? "-other" : string.Empty),
            resourceId: random.Next(4) == 0 ? null : $"doc-{random.Next(10)}",
            subject: random.Next(3) == 0 ? TestRequests.Bare : TestRequests.Alice,
            agent: random.Next(2) == 0 ? TestRequests.Agent("assistant", random.Next(4)) : null,
            properties: properties);
    }

    private static string[] Pick(Random random, string[] values, int count) =>
        [.. values.OrderBy(_ => random.Next()).Take(count)];
}
