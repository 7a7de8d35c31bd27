namespace RealTimeAuth.Admin.Api.Models;

/// <summary>One audited authorization decision; <see cref="KeyChain"/> holds the keys its agent chain was bound to.</summary>
public sealed record DecisionRecord(
    long Id, DateTimeOffset Time, Guid? SessionId, string User, IReadOnlyList<string> AgentChain, string Action, string ResourceType,
    string? ResourceId, string Decision, int? PolicyVersion, string? Reason, string? Source, IReadOnlyList<string>? KeyChain = null);
