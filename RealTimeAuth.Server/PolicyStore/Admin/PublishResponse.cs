namespace RealTimeAuth.Server.PolicyStore.Admin;

/// <summary>What a publish did: the version, when, and the live sessions re-evaluated, refreshed and revoked.</summary>
public sealed record PublishResponse(int Version, DateTimeOffset PublishedAt, int SessionsEvaluated, int SessionsRefreshed, int SessionsRevoked);
