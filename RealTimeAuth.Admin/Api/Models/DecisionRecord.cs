namespace RealTimeAuth.Admin.Api.Models;

/// <summary>One audited authorization decision.</summary>
public sealed record DecisionRecord(
    long Id, DateTimeOffset Time, Guid? SessionId, string User, IReadOnlyList<string> AgentChain, string Action, string ResourceType,
    string? ResourceId, string Decision, int? PolicyVersion, string? Reason, string? Source);
