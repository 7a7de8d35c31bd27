namespace RealTimeAuth.Server.Authorization.WhatIf;

/// <summary>A live session whose permissions would change: <c>revoke</c> (none left), <c>narrow</c> or <c>widen</c>.</summary>
public sealed record WhatIfSession(
    Guid SessionId, string Subject, string AgentId, string? AgentKind, string Outcome, IReadOnlyList<string> Before, IReadOnlyList<string> After);
