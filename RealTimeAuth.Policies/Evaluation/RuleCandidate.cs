namespace RealTimeAuth.Policies.Evaluation;

/// <summary>A rule filed under one action and resource type, with the id patterns it has for that type (null: any id).</summary>
internal readonly record struct RuleCandidate(CompiledRule Rule, GlobPattern[]? ResourceIds);
