namespace RealTimeAuth.Server.SharedSignals.Effects;

/// <summary>Revocation reasons sent down the live channel for sessions ended by a security event.</summary>
public static class SsfRevocationReasons
{
    public const string SessionRevoked = "caep-session-revoked";
    public const string CredentialChange = "caep-credential-change";
    public const string AccountDisabled = "risc-account-disabled";
    public const string AccountPurged = "risc-account-purged";
    public const string CredentialCompromise = "risc-credential-compromise";
    public const string CredentialChangeRequired = "risc-credential-change-required";
    public const string IdentifierRecycled = "risc-identifier-recycled";
    public const string SessionsRevoked = "risc-sessions-revoked";
}
