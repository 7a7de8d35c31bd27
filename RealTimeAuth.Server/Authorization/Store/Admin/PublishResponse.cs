namespace RealTimeAuth.Server.Authorization.Store.Admin;

/// <summary>What a publish did: the version, when, and the live sessions re-evaluated, refreshed and revoked.</summary>
public sealed record PublishResponse(int Version, DateTimeOffset PublishedAt, int SessionsEvaluated, int SessionsRefreshed, int SessionsRevoked)
{
    /// <summary>Set when the version was published but re-evaluating the live sessions failed (see the server log).</summary>
    public string? ReevaluationError { get; init; }
}
