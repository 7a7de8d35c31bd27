namespace RealTimeAuth.Protocol.Tokens;

/// <summary>
/// Outcome of <see cref="RtaTokenValidator"/>. The values are stable reason codes: failures are listed
/// in the order the checks run, cheapest first. They may be logged; the token itself never is.
/// </summary>
public enum RtaTokenValidationStatus
{
    /// <summary>No validation happened (the default value); never returned by the validator.</summary>
    None = 0,

    /// <summary>Format, key, freshness and signature all check out. Session state still decides.</summary>
    Valid = 1,

    /// <summary>The Authorization header value is not <c>RTA</c>, one or more spaces, and a single token.</summary>
    InvalidAuthorizationHeader = 2,

    /// <summary>The input is not 128 bytes (binary) or 171 characters (text).</summary>
    WrongLength = 3,

    /// <summary>The text is 171 characters but not canonical unpadded base64url.</summary>
    MalformedText = 4,

    /// <summary>Header byte 0 is not a format version this library knows.</summary>
    UnknownVersion = 5,

    /// <summary>No key with the token's key id is in the key ring (never added, or removed).</summary>
    UnknownKeyId = 6,

    /// <summary>The issue time lies further in the future than the allowed clock skew.</summary>
    NotYetValid = 7,

    /// <summary>The issue time lies further in the past than the freshness window.</summary>
    TooOld = 8,

    /// <summary>The Ed25519 signature does not verify under the key named by the key id.</summary>
    BadSignature = 9,
}
