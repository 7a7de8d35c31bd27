namespace RealTimeAuth.Protocol.Tokens;

/// <summary>The signed fields of an RTAToken that the issuer chooses (the key id comes from the key ring).</summary>
/// <param name="SessionId">The session the token is bound to; 128 random bits.</param>
/// <param name="Sequence">Sequence number of the token within its session.</param>
/// <param name="ContextHash">SHA-256 of the session's canonical security context.</param>
/// <param name="IssuedAtUnixMilliseconds">Issue time, Unix milliseconds; never negative.</param>
/// <param name="Flags">Header flags; format version 1 defines none, so issuers write 0.</param>
public readonly record struct RtaTokenClaims(
    Guid SessionId,
    uint Sequence,
    RtaContextHash ContextHash,
    long IssuedAtUnixMilliseconds,
    byte Flags = 0);
