using RealTimeAuth.Protocol.Live;

namespace RealTimeAuth.Server.Sessions;

/// <summary>
/// The one rule for the reason a subtree revocation records: the cause on each session it named, and
/// <see cref="RtaRevocationReasons.AncestorRevoked"/> on every descendant it swept. The revoking replica applies it ahead
/// of the write and in its <c>UPDATE</c>; the other replicas apply it to the sessions they hold from the log entry.
/// </summary>
public static class SubtreeRevocation
{
    /// <summary>The reason recorded on <paramref name="sessionId"/>; <paramref name="named"/> null means every session was named.</summary>
    public static string? ReasonFor(Guid sessionId, IReadOnlyCollection<Guid>? named, string? reason) =>
        named is null || named.Contains(sessionId) ? reason : RtaRevocationReasons.AncestorRevoked;
}
