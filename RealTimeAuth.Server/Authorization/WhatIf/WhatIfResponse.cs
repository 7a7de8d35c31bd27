namespace RealTimeAuth.Server.Authorization.WhatIf;

/// <summary>What publishing <see cref="Version"/> would change against the active version: only changed entries are listed.</summary>
public sealed record WhatIfResponse(
    int Version,
    int? AgainstVersion,
    int SessionsEvaluated,
    int DecisionsEvaluated,
    IReadOnlyList<WhatIfSession> Sessions,
    IReadOnlyList<WhatIfDecision> Decisions);
