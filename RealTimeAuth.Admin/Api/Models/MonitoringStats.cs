namespace RealTimeAuth.Admin.Api.Models;

/// <summary>One second of a replica's counts and rates, from the admin stream.</summary>
public sealed record MonitoringStats(
    int Users, int Sessions, int Agents, long Streams, double DecisionsPerSecond, double DenialsPerSecond, double EventsPerSecond,
    double RevocationsPerSecond, double? RevocationToPushP50Ms, double? RevocationToPushP99Ms);
