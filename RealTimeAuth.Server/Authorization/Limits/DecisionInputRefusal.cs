namespace RealTimeAuth.Server.Authorization.Limits;

/// <summary>Why a decision request is refused at the edge: a <see cref="DecisionInputReasons"/> code and the field, as the caller named it.</summary>
public sealed record DecisionInputRefusal(string Reason, string Field)
{
    public string Detail => Reason switch
    {
        DecisionInputReasons.TooManyProperties => $"'{Field}' has more than {DecisionInputLimits.MaxProperties} entries.",
        DecisionInputReasons.FieldContainsNul => $"'{Field}' contains U+0000.",
        _ => $"'{Field}' is longer than {DecisionInputLimits.MaxLength(Field)} characters.",
    };
}
