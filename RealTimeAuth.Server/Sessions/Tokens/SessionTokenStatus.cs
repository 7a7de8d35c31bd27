namespace RealTimeAuth.Server.Sessions.Tokens;

/// <summary>
/// Why a presented RTAToken was accepted or refused, cheapest check first. The wire form
/// (<see cref="SessionTokenStatusNames"/>) is stable: clients and audit records use it.
/// </summary>
public enum SessionTokenStatus
{
    Valid = 0,
    Missing,
    Malformed,
    UnknownVersion,
    UnknownKey,
    NotYetValid,
    Expired,
    BadSignature,
    UnknownSession,
    SessionRevoked,
    StaleContext,
    WrongSession,
    ReplicaNotCurrent,

    /// <summary>A newer token of the session was delivered and acknowledged, and the grace after that has passed.</summary>
    TokenSuperseded,

    /// <summary>The session's absolute lifetime has run out; the expiry sweep revokes it shortly (ADR 0018).</summary>
    SessionExpired,
}
