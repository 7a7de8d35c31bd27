using RealTimeAuth.Protocol.Binding;
using RealTimeAuth.Protocol.Live;

namespace RealTimeAuth.Server.Sessions.Tokens;

public static class SessionTokenStatusNames
{
    public static string ToWire(this SessionTokenStatus status) => status switch
    {
        SessionTokenStatus.Valid => "valid",
        SessionTokenStatus.Missing => "token-missing",
        SessionTokenStatus.Malformed => "token-malformed",
        SessionTokenStatus.UnknownVersion => "token-unknown-version",
        SessionTokenStatus.UnknownKey => "token-unknown-key",
        SessionTokenStatus.NotYetValid => "token-not-yet-valid",
        SessionTokenStatus.Expired => "token-expired",
        SessionTokenStatus.BadSignature => "token-bad-signature",
        SessionTokenStatus.UnknownSession => "session-unknown",
        SessionTokenStatus.SessionRevoked => "session-revoked",
        SessionTokenStatus.StaleContext => "token-stale-context",
        SessionTokenStatus.WrongSession => "token-wrong-session",
        SessionTokenStatus.ReplicaNotCurrent => "server-not-current",
        SessionTokenStatus.TokenSuperseded => RtaBindingReasons.TokenSuperseded,
        SessionTokenStatus.SessionExpired => RtaRevocationReasons.SessionExpired,
        _ => "token-invalid",
    };
}
