namespace RealTimeAuth.Sdk;

/// <summary>A decision: may the session perform the action on the resource now?</summary>
/// <param name="Allowed">The decision.</param>
/// <param name="Reason">Stable reason code: <c>allowed</c>, <c>scope-missing</c>, <c>policy-denied</c>, <c>session-revoked</c>, …</param>
/// <param name="PolicyVersion">The policy version that decided, null when none did.</param>
public sealed record RtaAuthorizationResult(bool Allowed, string Reason, string? PolicyVersion)
{
    /// <summary>True when the client denied without asking the server, because its session had already ended.</summary>
    public bool DecidedLocally { get; init; }
}
