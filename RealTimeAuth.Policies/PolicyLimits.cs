namespace RealTimeAuth.Policies;

/// <summary>Bounds checked when a policy loads, so no policy can make loading or evaluation unbounded.</summary>
public static class PolicyLimits
{
    /// <summary>Characters in one condition; checked before it is read.</summary>
    public const int MaxConditionLength = 4096;

    /// <summary>Nesting of one condition: parentheses, operators, calls and list items all count.</summary>
    public const int MaxConditionDepth = 64;

    public const int MaxRules = 10_000;

    /// <summary>Characters in a rule id, name or pattern.</summary>
    public const int MaxNameLength = 256;

    /// <summary>Characters in a resource id of a resource directory entry.</summary>
    public const int MaxResourceIdLength = 1024;

    /// <summary>Characters in one property value of a resource directory entry.</summary>
    public const int MaxPropertyValueLength = 1024;
}
