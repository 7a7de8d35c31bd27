namespace RealTimeAuth.Server.SharedSignals.Validation;

/// <summary>Stable reason codes of refused SETs; each names one rule.</summary>
public static class SetRejectionReasons
{
    public const string TooLarge = "too_large";
    public const string Malformed = "malformed";
    public const string Encrypted = "encrypted";
    public const string DuplicateMember = "duplicate_member";
    public const string Typ = "typ";
    public const string AlgNone = "alg_none";
    public const string AlgNotAllowed = "alg_not_allowed";
    public const string Crit = "crit";
    public const string UnknownIssuer = "unknown_issuer";
    public const string IssuerNotAuthorized = "issuer_not_authorized";
    public const string StreamDisabled = "stream_disabled";
    public const string UnknownKey = "unknown_key";
    public const string BadSignature = "bad_signature";
    public const string Audience = "audience";
    public const string IatMissing = "iat_missing";
    public const string IatFuture = "iat_future";
    public const string IatTooOld = "iat_too_old";
    public const string JtiMissing = "jti_missing";
    public const string SubPresent = "sub_present";
    public const string ExpPresent = "exp_present";
    public const string EventCount = "event_count";
    public const string SubjectMissing = "subject_missing";
    public const string SubjectMalformed = "subject_malformed";
    public const string EventPayload = "event_payload";

    /// <summary>The event would change a session-context attribute outside the stream's <c>AllowedClaims</c> (ADR 0020).</summary>
    public const string ClaimNotAllowed = "claim_not_allowed";
    public const string UnstorableText = "unstorable_text";
    public const string AuthenticationMissing = "authentication_missing";
    public const string AuthenticationInvalid = "authentication_invalid";
    public const string ContentType = "content_type";
}
