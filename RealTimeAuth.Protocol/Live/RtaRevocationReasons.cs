namespace RealTimeAuth.Protocol.Live;

/// <summary>
/// Why a session ended: the code a revoked session's stream receives (gRPC <c>Revoked.reason</c>, the SSE
/// <c>revoked</c> event), the admin API shows and the audit records. A wire contract: a code is never renamed.
/// </summary>
public static class RtaRevocationReasons
{
    /// <summary>The session itself was revoked, when the revocation gave no cause of its own.</summary>
    public const string SessionRevoked = "session-revoked";

    /// <summary>An administrator revoked the session (and so its subtree) in the admin API or console.</summary>
    public const string AdminRevoked = "admin-revoked";

    /// <summary>An ancestor session was revoked and the revocation swept its subtree.</summary>
    public const string AncestorRevoked = "ancestor-revoked";

    /// <summary>
    /// The session outlived its absolute or idle lifetime (ADR 0018); the revocation's detail says which
    /// (<c>absolute-lifetime</c> or <c>idle-lifetime</c>).
    /// </summary>
    public const string SessionExpired = "session-expired";

    /// <summary>Every session of the user was revoked.</summary>
    public const string UserRevoked = "user-revoked";

    /// <summary>The active policy leaves the session no permission.</summary>
    public const string PolicyRevoked = "policy-revoked";

    /// <summary>A CAEP <c>session-revoked</c> event named the session's user or IdP session.</summary>
    public const string CaepSessionRevoked = "caep-session-revoked";

    /// <summary>A CAEP <c>credential-change</c> event revoked the user's sessions.</summary>
    public const string CaepCredentialChange = "caep-credential-change";

    /// <summary>A RISC <c>account-disabled</c> event.</summary>
    public const string RiscAccountDisabled = "risc-account-disabled";

    /// <summary>A RISC <c>account-purged</c> event.</summary>
    public const string RiscAccountPurged = "risc-account-purged";

    /// <summary>A RISC <c>credential-compromise</c> event.</summary>
    public const string RiscCredentialCompromise = "risc-credential-compromise";

    /// <summary>A RISC <c>account-credential-change-required</c> event.</summary>
    public const string RiscCredentialChangeRequired = "risc-credential-change-required";

    /// <summary>A RISC <c>identifier-recycled</c> event.</summary>
    public const string RiscIdentifierRecycled = "risc-identifier-recycled";

    /// <summary>A RISC <c>sessions-revoked</c> event.</summary>
    public const string RiscSessionsRevoked = "risc-sessions-revoked";
}
