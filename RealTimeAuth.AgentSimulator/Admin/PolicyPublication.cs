namespace RealTimeAuth.AgentSimulator.Admin;

/// <summary>What the server reports after publishing a policy version.</summary>
internal sealed record PolicyPublication(int Version, DateTimeOffset PublishedAt, int SessionsEvaluated, int SessionsRefreshed, int SessionsRevoked);
