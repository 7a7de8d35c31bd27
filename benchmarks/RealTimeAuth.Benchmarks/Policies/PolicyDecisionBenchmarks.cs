using System.Collections.Frozen;
using BenchmarkDotNet.Attributes;
using RealTimeAuth.Policies;
using RealTimeAuth.Policies.Schema;

namespace RealTimeAuth.Benchmarks.Policies;

/// <summary>
/// In-process decisions against <see cref="GeneratedPolicySet"/> (244 rules). Each case is one
/// <see cref="CompiledPolicySet.Evaluate"/> on a prepared request whose subject and agent are built once,
/// as a caller caches them per session. Setup checks every case decides as its name says.
/// </summary>
[Config(typeof(PolicyBenchmarkConfig))]
public class PolicyDecisionBenchmarks
{
    private static readonly DateTimeOffset Noon = new(2026, 1, 5, 12, 0, 0, TimeSpan.Zero);

    private CompiledPolicySet _policy = null!;
    private DecisionRequest _ownerWrite;
    private DecisionRequest _agentShare;
    private DecisionRequest _highRiskWrite;
    private DecisionRequest _viewerDelete;
    private DecisionRequest _unknownAction;

    [GlobalSetup]
    public void Setup()
    {
        var compilation = PolicyCompiler.Compile(GeneratedPolicySet.Create(), AttributeSchema.Default, "bench-1");
        _policy = compilation.PolicySet ?? throw new InvalidOperationException(string.Join("\n", compilation.Diagnostics));

        var editor = Subject("editor-1", "editor@example.com", "low", "editor", "staff");
        var risky = Subject("editor-2", "risky@example.com", "high", "editor");
        var viewer = Subject("viewer-1", "viewer@example.com", "low", "viewer");
        var assistant = new PolicyAgent { Id = "copilot-7", Kind = "assistant", Depth = 1, Chain = ["portal-1", "copilot-7"] };
        var ownDocument = Properties(("ownerID", "editor@example.com"), ("classification", "internal"));

        _ownerWrite = Request(editor, "write", GeneratedPolicySet.Type(17), ownDocument);
        _agentShare = Request(editor, "share", GeneratedPolicySet.Type(23), ownDocument, assistant);
        _highRiskWrite = Request(risky, "write", GeneratedPolicySet.Type(5), Properties(("ownerID", "risky@example.com")));
        _viewerDelete = Request(viewer, "delete", GeneratedPolicySet.Type(31), ownDocument);
        _unknownAction = Request(editor, "transfer", GeneratedPolicySet.Type(2), ownDocument);

        Require(AllowedByOwnerCondition(), PolicyReasons.Allowed, "type-17-write-own");
        Require(AllowedForAttenuatedAgent(), PolicyReasons.Allowed, "type-23-share-agents");
        Require(DeniedByRiskRule(), PolicyReasons.DeniedByRule, "type-05-deny-high-risk");
        Require(DeniedNoMatchingRule(), PolicyReasons.NoMatchingRule, null);
        Require(DeniedUnknownAction(), PolicyReasons.NoMatchingRule, null);
    }

    [Benchmark(Description = "allow: editor writes own (condition)")]
    public PolicyDecision AllowedByOwnerCondition() => _policy.Evaluate(in _ownerWrite);

    [Benchmark(Description = "allow: agent share (depth, time, risk)")]
    public PolicyDecision AllowedForAttenuatedAgent() => _policy.Evaluate(in _agentShare);

    [Benchmark(Description = "deny: high-risk rule")]
    public PolicyDecision DeniedByRiskRule() => _policy.Evaluate(in _highRiskWrite);

    [Benchmark(Description = "deny: viewer delete, no rule")]
    public PolicyDecision DeniedNoMatchingRule() => _policy.Evaluate(in _viewerDelete);

    [Benchmark(Description = "deny: unknown action")]
    public PolicyDecision DeniedUnknownAction() => _policy.Evaluate(in _unknownAction);

    private static PolicySubject Subject(string id, string email, string risk, params string[] roles) => new()
    {
        Type = "user",
        Id = id,
        Email = email,
        Roles = [.. roles],
        RiskLevel = risk,
        AssuranceLevel = 2,
        DeviceCompliant = true,
    };

    private static IReadOnlyDictionary<string, string> Properties(params (string Key, string Value)[] entries) =>
        entries.ToFrozenDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal);

    private static DecisionRequest Request(PolicySubject subject, string action, string type, IReadOnlyDictionary<string, string> properties, PolicyAgent? agent = null) => new()
    {
        Subject = subject,
        Action = action,
        Resource = new PolicyResource { Type = type, Id = "doc-42", Properties = properties },
        Agent = agent,
        Time = Noon,
    };

    private static void Require(PolicyDecision decision, string reason, string? ruleId)
    {
        if (decision.Reason != reason || decision.RuleId != ruleId)
        {
            throw new InvalidOperationException($"Expected {reason} by {ruleId}, got {decision}.");
        }
    }
}
