namespace RealTimeAuth.Server.Authorization.Store;

/// <summary>What publishing a version did: when it became active and what re-evaluating the live sessions changed.</summary>
public sealed record PublishOutcome(int Version, DateTimeOffset PublishedAt, long EventSequence, ReevaluationResult Reevaluation);
