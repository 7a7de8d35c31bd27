namespace RealTimeAuth.Server.Authorization.Limits;

/// <summary>The fields of one decision request that <see cref="DecisionInputLimits"/> bounds, whichever edge it came through.</summary>
public readonly record struct DecisionInput(
    string? Action,
    string? ResourceType,
    string? ResourceId,
    IEnumerable<KeyValuePair<string, string>>? ResourceProperties = null,
    IEnumerable<KeyValuePair<string, string>>? Context = null,
    string? SubjectType = null,
    string? SubjectId = null,
    IEnumerable<KeyValuePair<string, string>>? SubjectProperties = null);
