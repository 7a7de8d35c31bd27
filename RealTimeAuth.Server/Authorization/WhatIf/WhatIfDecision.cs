namespace RealTimeAuth.Server.Authorization.WhatIf;

/// <summary>A recent decision that would flip, decided again under the active and the candidate version.</summary>
public sealed record WhatIfDecision(
    DateTimeOffset Time,
    Guid? SessionId,
    string User,
    IReadOnlyList<string> AgentChain,
    string Action,
    string ResourceType,
    string? ResourceId,
    bool Before,
    bool After,
    string? BeforeReason,
    string? AfterReason);
