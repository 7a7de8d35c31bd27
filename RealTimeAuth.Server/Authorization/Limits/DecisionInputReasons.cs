namespace RealTimeAuth.Server.Authorization.Limits;

/// <summary>Stable reason codes for a decision request refused at the edge because a field breaks a limit of <see cref="DecisionInputLimits"/>.</summary>
public static class DecisionInputReasons
{
    /// <summary>A name, type or id, or a property key or value, is longer than its limit.</summary>
    public const string FieldTooLong = "field-too-long";

    /// <summary>A property map (resource properties, subject properties, context) has more entries than allowed.</summary>
    public const string TooManyProperties = "too-many-properties";

    /// <summary>A field holds U+0000, which PostgreSQL text cannot store: the decision could not be audited.</summary>
    public const string FieldContainsNul = "field-contains-nul";
}
