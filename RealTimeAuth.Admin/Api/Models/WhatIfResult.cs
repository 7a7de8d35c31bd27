namespace RealTimeAuth.Admin.Api.Models;

/// <summary>Which live sessions and recent decisions a policy version would change.</summary>
public sealed record WhatIfResult(
    int Version, int? AgainstVersion, int SessionsEvaluated, int DecisionsEvaluated, IReadOnlyList<WhatIfSession> Sessions, IReadOnlyList<WhatIfDecision> Decisions);
