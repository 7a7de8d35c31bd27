namespace RealTimeAuth.Server.Authorization.Pdp;

/// <summary>The answer to an <see cref="AuthorizationQuery"/>: allowed or not, a stable reason code and the policy version that decided.</summary>
public sealed record AuthorizationDecision(bool Allowed, string Reason, string PolicyVersion)
{
    public static AuthorizationDecision Allow(string policyVersion = "") => new(true, DecisionReasons.Allowed, policyVersion);

    public static AuthorizationDecision Deny(string reason, string policyVersion = "") => new(false, reason, policyVersion);
}
