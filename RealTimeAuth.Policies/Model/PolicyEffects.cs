namespace RealTimeAuth.Policies.Model;

/// <summary>The values of <see cref="PolicyRuleDocument.Effect"/>.</summary>
public static class PolicyEffects
{
    public const string Allow = "allow";

    public const string Deny = "deny";
}
