namespace RealTimeAuth.Server.Authorization.Store;

/// <summary>
/// Sessions looked at, given a new context (and token), and revoked (with their subtrees) by a re-evaluation; or, when
/// it failed after the change itself was committed, why (<see cref="Error"/>): decisions already follow the new policy,
/// only the pushed tokens and revocations are missing until the next re-evaluation.
/// </summary>
public sealed record ReevaluationResult(int SessionsEvaluated, int SessionsRefreshed, int SessionsRevoked)
{
    public static ReevaluationResult None { get; } = new(0, 0, 0);

    public string? Error { get; init; }

    public static ReevaluationResult Failed(string error) => None with { Error = error };
}
