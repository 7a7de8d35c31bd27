namespace RealTimeAuth.Server.Authorization.Pdp;

/// <summary>Stable reason codes of decisions, sent to clients and kept in audit records.</summary>
public static class DecisionReasons
{
    public const string Allowed = "allowed";

    /// <summary>No granted scope covers the action on the resource type.</summary>
    public const string ScopeMissing = "scope-missing";

    /// <summary>No policy is active, so an AuthZEN request is denied.</summary>
    public const string NoPolicy = "no-policy";
}
