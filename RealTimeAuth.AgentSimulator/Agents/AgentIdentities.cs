using System.Globalization;
using RealTimeAuth.Sdk;

namespace RealTimeAuth.AgentSimulator.Agents;

/// <summary>Agent identities the simulator presents at exchange: <c>{kind}-{runId}</c>, so one run's sessions are easy to find in the admin console.</summary>
internal static class AgentIdentities
{
    public const string Software = "realtimeauth-agent-simulator/1.0";

    public static RtaAgentIdentity CoPilot(string runId, string? suffix = null) =>
        new() { Id = Join("copilot", runId, suffix), Name = "Co-pilot", Kind = "copilot", Software = Software };

    public static RtaAgentIdentity For(AgentProfile profile, string runId, int? index = null) =>
        new()
        {
            Id = Join(profile.Kind, runId, index?.ToString("D4", CultureInfo.InvariantCulture)),
            Name = profile.Name,
            Kind = profile.Kind,
            Software = Software,
        };

    /// <summary>Six hex characters: short enough to read, random enough not to collide between runs.</summary>
    public static string NewRunId() => Convert.ToHexStringLower(Guid.NewGuid().ToByteArray().AsSpan(0, 3));

    private static string Join(string kind, string runId, string? suffix) =>
        suffix is null ? $"{kind}-{runId}" : $"{kind}-{runId}-{suffix}";
}
