using RealTimeAuth.Server.Sessions;

namespace RealTimeAuth.Server.Live;

/// <summary>
/// The reason code a revoked session's stream receives. A revocation of a user's every session
/// (<c>user-revoked</c>) reads the same on all of them. A session revocation reads its own cause
/// (<c>admin-revoked</c>, or <c>session-revoked</c> when none is given) on the session it named and
/// <c>ancestor-revoked</c> on every descendant its subtree sweep ended, recognised by a parent revoked
/// by the same statement.
/// </summary>
internal static class RevocationReason
{
    // The event log does not say whether a revocation named sessions or a user, so user-wide causes are
    // known by name. A cause added for RevokeUserAsync (a CAEP or RISC event, say) belongs here too.
    private static readonly HashSet<string> UserWideCauses = new(StringComparer.Ordinal) { LiveReasons.UserRevoked };

    public static string For(SessionState session, string? cause, SessionCache cache)
    {
        if (cause is not null && UserWideCauses.Contains(cause))
        {
            return cause;
        }

        if (SweptByParent(session, cache))
        {
            return LiveReasons.AncestorRevoked;
        }

        return string.IsNullOrEmpty(cause) ? LiveReasons.SessionRevoked : cause;
    }

    // One UPDATE revokes a whole subtree with one timestamp, so a parent revoked at the same instant was
    // revoked by the same statement; a session revoked directly has a parent that is active or revoked earlier.
    private static bool SweptByParent(SessionState session, SessionCache cache) =>
        session is { ParentId: { } parentId, RevokedAt: { } revokedAt }
        && cache.Find(parentId) is { IsActive: false, RevokedAt: { } parentRevokedAt }
        && parentRevokedAt == revokedAt;
}
