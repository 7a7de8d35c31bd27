using RealTimeAuth.Protocol.Live;
using RealTimeAuth.Server.Sessions;

namespace RealTimeAuth.Server.Live;

/// <summary>
/// The reason code a revoked session's stream receives: the one recorded on the session's row
/// (the cause on the session a revocation named, <c>ancestor-revoked</c> on every descendant its
/// subtree sweep ended, <c>user-revoked</c> on a user's sessions), or <c>session-revoked</c>.
/// </summary>
internal static class RevocationReason
{
    public static string For(SessionState session) =>
        string.IsNullOrEmpty(session.RevocationReason) ? RtaRevocationReasons.SessionRevoked : session.RevocationReason;
}
