namespace RealTimeAuth.Admin.Api.Models;

/// <summary>A recent decision a policy version would decide differently.</summary>
public sealed record WhatIfDecision(
    DateTimeOffset Time, Guid? SessionId, string User, IReadOnlyList<string> AgentChain, string Action, string ResourceType, string? ResourceId,
    bool Before, bool After, string? BeforeReason, string? AfterReason);
