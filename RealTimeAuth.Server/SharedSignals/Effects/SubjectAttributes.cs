namespace RealTimeAuth.Server.SharedSignals.Effects;

/// <summary>Session context attributes that security events set; the policy decision point reads them by these names.</summary>
public static class SubjectAttributes
{
    /// <summary>String <c>low</c>, <c>medium</c> or <c>high</c> (CAEP risk-level-change).</summary>
    public const string RiskLevel = "user.risk_level";

    /// <summary>String: the CAEP assurance level, e.g. <c>nist-aal2</c>; levels of namespaces other than NIST-AAL read <c>namespace/level</c>.</summary>
    public const string AssuranceLevel = "user.assurance_level";

    /// <summary>Boolean (CAEP device-compliance-change).</summary>
    public const string DeviceCompliant = "user.device_compliant";

    public const string Email = "user.email";
    public const string Name = "user.name";
    public const string Roles = "user.roles";
    public const string PhoneNumber = "user.phone_number";

    /// <summary>Prefix of other claims a token-claims-change sets: <c>user.claim.&lt;claim name&gt;</c>.</summary>
    public const string ClaimPrefix = "user.claim.";
}
