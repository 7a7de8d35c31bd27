using RealTimeAuth.Policies.Model;

namespace RealTimeAuth.Benchmarks.Policies;

/// <summary>
/// A realistic generated policy set: 40 resource types with 6 rules each (role-gated reads, owner-gated
/// writes, admin deletes, agent-attenuated sharing in office hours, a glob-scoped export deny and a
/// risk-based deny) plus 4 set-wide rules: 244 rules over 7 actions.
/// </summary>
internal static class GeneratedPolicySet
{
    public const int TypeCount = 40;

    public static string Type(int index) => $"type-{index:00}";

    public static PolicySetDocument Create()
    {
        var rules = new List<PolicyRuleDocument>
        {
            Rule("deny-noncompliant-device", PolicyEffects.Deny, ["*"], "*", "has(subject.device_compliant) && !subject.device_compliant"),
            Rule("deny-deep-delegation", PolicyEffects.Deny, ["write", "delete", "share"], "*", "has(context.delegation.depth) && context.delegation.depth > 2"),
            Rule("allow-auditors-read", PolicyEffects.Allow, ["read", "list"], "*", null, new SubjectMatchDocument { Roles = ["auditor"] }),
            Rule("deny-blocked-chain", PolicyEffects.Deny, ["*"], "*", "context.chain.exists(a, a.startsWith('blocked-'))"),
        };

        for (var i = 0; i < TypeCount; i++)
        {
            var type = Type(i);
            rules.Add(Rule($"{type}-read", PolicyEffects.Allow, ["read", "list"], type, null, new SubjectMatchDocument { Roles = ["viewer", "editor", "admin"] }));
            rules.Add(Rule($"{type}-write-own", PolicyEffects.Allow, ["write", "comment"], type,
                "'admin' in subject.roles || ('editor' in subject.roles && resource.properties.ownerID == subject.email)"));
            rules.Add(Rule($"{type}-delete", PolicyEffects.Allow, ["delete"], type, "'admin' in subject.roles && subject.assurance_level >= 2"));
            rules.Add(Rule($"{type}-share-agents", PolicyEffects.Allow, ["share"], type,
                "context.time_of_day >= 480 && context.time_of_day < 1200 && subject.risk_level <= 'medium'",
                agents: new AgentMatchDocument { Kinds = ["assistant", "workflow"], MaxDepth = 1 }));
            rules.Add(Rule($"{type}-deny-export-confidential", PolicyEffects.Deny, ["export"], type, null, ids: ["*-confidential", "secret-*"]));
            rules.Add(Rule($"{type}-deny-high-risk", PolicyEffects.Deny, ["write", "delete", "share", "export"], type, "subject.risk_level == 'high'"));
        }

        return new PolicySetDocument { Schema = PolicySetDocument.CurrentSchema, Name = "generated", Rules = rules };
    }

    private static PolicyRuleDocument Rule(
        string id,
        string effect,
        string[] actions,
        string type,
        string? condition,
        SubjectMatchDocument? subjects = null,
        AgentMatchDocument? agents = null,
        string[]? ids = null) => new()
        {
            Id = id,
            Effect = effect,
            Actions = actions,
            Resources = [new ResourceMatchDocument { Type = type, Ids = ids }],
            Condition = condition,
            Subjects = subjects,
            Agents = agents,
        };
}
