using RealTimeAuth.Server.Data;

namespace RealTimeAuth.Server.Authorization.Limits;

/// <summary>
/// The largest fields a decision request may carry (ADR 0019). The audited ones match the columns of
/// <c>decision_audit</c>, so a decision refused nowhere is always storable; the property maps are bounded so the
/// recent-decision ring, which keeps them for what-if, stays small. Lengths are UTF-16 code units, never fewer than
/// PostgreSQL's characters. Every edge (AuthZEN, live JSON, live gRPC) checks requests with <see cref="Check"/>.
/// </summary>
public static class DecisionInputLimits
{
    public const int MaxActionLength = DecisionAuditEntity.ActionMaxLength;
    public const int MaxTypeLength = DecisionAuditEntity.ResourceTypeMaxLength;
    public const int MaxResourceIdLength = DecisionAuditEntity.ResourceIdMaxLength;
    public const int MaxSubjectIdLength = DecisionAuditEntity.UserMaxLength;
    public const int MaxProperties = 64;
    public const int MaxPropertyKeyLength = 256;
    public const int MaxPropertyValueLength = 4096;

    public const string Action = "action";
    public const string ResourceType = "resource.type";
    public const string ResourceId = "resource.id";
    public const string SubjectType = "subject.type";
    public const string SubjectId = "subject.id";

    /// <summary>The limit of a named field; a property key or value is named <c>map[key]</c> or <c>map.key</c>.</summary>
    public static int MaxLength(string field) => field switch
    {
        Action => MaxActionLength,
        ResourceType or SubjectType => MaxTypeLength,
        ResourceId => MaxResourceIdLength,
        SubjectId => MaxSubjectIdLength,
        _ when field.EndsWith("(key)", StringComparison.Ordinal) => MaxPropertyKeyLength,
        _ => MaxPropertyValueLength,
    };

    /// <summary>The first limit <paramref name="input"/> breaks, or null.</summary>
    public static DecisionInputRefusal? Check(in DecisionInput input) =>
        Text(Action, input.Action)
        ?? Text(ResourceType, input.ResourceType)
        ?? Text(ResourceId, input.ResourceId)
        ?? Text(SubjectType, input.SubjectType)
        ?? Text(SubjectId, input.SubjectId)
        ?? Map("resource.properties", input.ResourceProperties)
        ?? Map("subject.properties", input.SubjectProperties)
        ?? Map("context", input.Context);

    /// <summary>A map checked for its count, keys and values; <paramref name="name"/> names it in the refusal.</summary>
    public static DecisionInputRefusal? Map(string name, IEnumerable<KeyValuePair<string, string>>? map)
    {
        if (map is null)
        {
            return null;
        }

        var count = 0;
        foreach (var (key, value) in map)
        {
            if (++count > MaxProperties)
            {
                return new DecisionInputRefusal(DecisionInputReasons.TooManyProperties, name);
            }

            if (key.Length > MaxPropertyKeyLength)
            {
                return new DecisionInputRefusal(DecisionInputReasons.FieldTooLong, name + " (key)");
            }

            if (value is not null && value.Length > MaxPropertyValueLength)
            {
                return new DecisionInputRefusal(DecisionInputReasons.FieldTooLong, $"{name}.{Shorten(key)}");
            }
        }

        return null;
    }

    private static DecisionInputRefusal? Text(string field, string? value)
    {
        if (value is null)
        {
            return null;
        }

        if (value.Length > MaxLength(field))
        {
            return new DecisionInputRefusal(DecisionInputReasons.FieldTooLong, field);
        }

        return value.Contains('\0', StringComparison.Ordinal) ? new DecisionInputRefusal(DecisionInputReasons.FieldContainsNul, field) : null;
    }

    private static string Shorten(string key) => key.Length <= 64 ? key : key[..64] + "…";
}
