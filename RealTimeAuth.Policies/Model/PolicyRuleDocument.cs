namespace RealTimeAuth.Policies.Model;

/// <summary>
/// One rule: it applies to a request when the action, the resource, the subject, the agent and the condition
/// all match. An omitted <see cref="Subjects"/> or <see cref="Agents"/> block matches anyone; every list that
/// is present must be non-empty.
/// </summary>
public sealed class PolicyRuleDocument
{
    /// <summary>Unique in the set; reported in decisions and audit.</summary>
    public required string Id { get; init; }

    public string? Description { get; init; }

    /// <summary><see cref="PolicyEffects.Allow"/> or <see cref="PolicyEffects.Deny"/>.</summary>
    public required string Effect { get; init; }

    public SubjectMatchDocument? Subjects { get; init; }

    /// <summary>When present, an agent must be acting and match; when omitted, the rule ignores agents.</summary>
    public AgentMatchDocument? Agents { get; init; }

    /// <summary>Action names, or <c>*</c> for every action.</summary>
    public required IReadOnlyList<string> Actions { get; init; }

    public required IReadOnlyList<ResourceMatchDocument> Resources { get; init; }

    /// <summary>An optional condition in the policy condition language (a CEL subset).</summary>
    public string? Condition { get; init; }
}
