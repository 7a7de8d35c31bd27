namespace RealTimeAuth.Server.SharedSignals.Effects;

/// <summary>Stable codes of what applying a SET did, stored with it and in the event log.</summary>
public static class SetEffectCodes
{
    public const string SessionsRevoked = "sessions_revoked";
    public const string ContextUpdated = "context_updated";
    public const string SubjectBlocked = "subject_blocked";
    public const string SubjectUnblocked = "subject_unblocked";

    /// <summary>An account-enabled lifted the sender's own block (if any), but another transmitter's block on the user remains.</summary>
    public const string BlockHeldByOtherTransmitter = "block_held_by_other_transmitter";
    public const string MappingUpdated = "mapping_updated";
    public const string MappingBroken = "mapping_broken";
    public const string VerificationConfirmed = "verification_confirmed";
    public const string VerificationRecorded = "verification_recorded";
    public const string StreamStatusUpdated = "stream_status_updated";

    /// <summary>The event is informational here (session-established, session-presented, RISC opt-in…).</summary>
    public const string Recorded = "recorded";

    /// <summary>An event type this receiver does not know; accepted and kept, nothing done.</summary>
    public const string UnknownEvent = "ignored_unknown_event";

    /// <summary>The subject names no user or session this receiver knows (yet).</summary>
    public const string NoMatchingSubject = "no_matching_subject";

    /// <summary>The subject's format cannot be tied to sessions here (jwt_id, saml_assertion_id, device only, proprietary…).</summary>
    public const string SubjectNotMappable = "subject_not_mappable";

    /// <summary>A credential-change whose change_type is configured not to revoke.</summary>
    public const string NotRevokingChange = "credential_change_not_revoking";

    /// <summary>A stream event naming another stream.</summary>
    public const string OtherStream = "not_for_this_stream";

    /// <summary>Applying failed every attempt; see the stored error.</summary>
    public const string Failed = "failed";
}
