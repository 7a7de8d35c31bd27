using System.Text.Json.Serialization;

namespace RealTimeAuth.Server.Admin.Monitoring;

/// <summary>The <c>stats</c> message of the admin stream: this replica's counts and per-second rates.</summary>
public sealed record MonitoringStats(
    int Users,
    int Sessions,
    int Agents,
    long Streams,
    double DecisionsPerSecond,
    double DenialsPerSecond,
    double EventsPerSecond,
    double RevocationsPerSecond,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? RevocationToPushP50Ms,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] double? RevocationToPushP99Ms);
