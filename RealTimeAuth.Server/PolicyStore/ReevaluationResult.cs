namespace RealTimeAuth.Server.PolicyStore;

/// <summary>Sessions looked at, given a new context (and token), and revoked (with their subtrees) by a re-evaluation.</summary>
public sealed record ReevaluationResult(int SessionsEvaluated, int SessionsRefreshed, int SessionsRevoked)
{
    public static ReevaluationResult None { get; } = new(0, 0, 0);
}
