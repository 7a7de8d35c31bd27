namespace RealTimeAuth.Server.Data;

/// <summary>
/// One version of the policy set: the policy file as imported, and where it stands. At most one version is
/// <c>active</c>; publishing another supersedes it in the same transaction as its <c>policy.published</c> entry.
/// </summary>
public sealed class PolicyVersionEntity
{
    /// <summary>1, 2, 3…: assigned under the event-log lock, never reused.</summary>
    public int Version { get; set; }

    public string? Name { get; set; }

    public string? Description { get; set; }

    /// <summary>The policy file (<c>rta.policy/v1</c> JSON) exactly as imported.</summary>
    public required string Document { get; set; }

    public int RuleCount { get; set; }

    /// <summary><c>draft</c>, <c>active</c> or <c>superseded</c>.</summary>
    public required string Status { get; set; }

    public required string CreatedBy { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public string? Comment { get; set; }

    public string? PublishedBy { get; set; }

    public DateTimeOffset? PublishedAt { get; set; }

    public string? PublishReason { get; set; }
}
