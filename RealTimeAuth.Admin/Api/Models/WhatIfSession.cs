namespace RealTimeAuth.Admin.Api.Models;

/// <summary>A live session whose rights a policy version would change.</summary>
public sealed record WhatIfSession(Guid SessionId, string Subject, string AgentId, string? AgentKind, string Outcome, IReadOnlyList<string> Before, IReadOnlyList<string> After);
