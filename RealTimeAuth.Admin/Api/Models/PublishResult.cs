namespace RealTimeAuth.Admin.Api.Models;

/// <summary>What publishing a version did to the live sessions.</summary>
public sealed record PublishResult(int Version, DateTimeOffset PublishedAt, int SessionsEvaluated, int SessionsRefreshed, int SessionsRevoked);
