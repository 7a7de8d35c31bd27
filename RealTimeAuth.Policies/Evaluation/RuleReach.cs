namespace RealTimeAuth.Policies.Evaluation;

/// <summary>How much of an action on a resource type a rule covers for one subject and agent.</summary>
internal enum RuleReach
{
    /// <summary>The rule never applies to them.</summary>
    None,

    /// <summary>It applies to some requests: its resource ids are restricted or its condition reads the request.</summary>
    Some,

    /// <summary>It applies to every request of that action and type.</summary>
    All,
}
