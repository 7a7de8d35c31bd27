namespace RealTimeAuth.Policies.Conditions;

/// <summary>The only calls the language has. Anything else is <see cref="PolicyDiagnosticCodes.UnsupportedCall"/>.</summary>
internal static class ConditionFunctions
{
    public const string Has = "has";
    public const string Size = "size";
    public const string StartsWith = "startsWith";
    public const string EndsWith = "endsWith";
    public const string Contains = "contains";
    public const string Exists = "exists";
    public const string All = "all";

    public const string Summary = "has(x.y), size(x), and the methods startsWith, endsWith, contains, exists, all and size";
}
