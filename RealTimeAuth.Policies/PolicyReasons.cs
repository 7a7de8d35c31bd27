namespace RealTimeAuth.Policies;

/// <summary>Stable reason codes of <see cref="PolicyDecision"/>s, for clients and audit.</summary>
public static class PolicyReasons
{
    /// <summary>An allow rule applied and no deny rule did.</summary>
    public const string Allowed = "allowed";

    /// <summary>A deny rule applied (deny overrides allow).</summary>
    public const string DeniedByRule = "denied-by-rule";

    /// <summary>No rule applied: default deny.</summary>
    public const string NoMatchingRule = "no-matching-rule";
}
