namespace RealTimeAuth.Policies;

/// <summary>
/// One question to the policy decision point, in AuthZEN's shape: may <see cref="Subject"/>, possibly through
/// <see cref="Agent"/>, perform <see cref="Action"/> on <see cref="Resource"/> now. The subject and agent are
/// immutable objects a caller can build once per session or directory entry and reuse; the rest is per request.
/// </summary>
public readonly struct DecisionRequest
{
    public required PolicySubject Subject { get; init; }

    public required PolicyResource Resource { get; init; }

    /// <summary>The action name (AuthZEN <c>action.name</c>).</summary>
    public required string Action { get; init; }

    /// <summary>The acting agent and its delegation chain; null when the subject acts directly.</summary>
    public PolicyAgent? Agent { get; init; }

    /// <summary>When the request is made (from the caller's <see cref="TimeProvider"/>); drives <c>context.time_of_day</c>.</summary>
    public DateTimeOffset? Time { get; init; }

    /// <summary>Other request context (AuthZEN <c>context</c>), read as <c>context.request</c>; null means empty.</summary>
    public IReadOnlyDictionary<string, string>? RequestContext { get; init; }
}
