using System.Text.Json.Serialization;

namespace RealTimeAuth.AgentSimulator.Agents;

/// <summary>How an agent's part in a run ended.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<AgentOutcome>))]
public enum AgentOutcome
{
    /// <summary>It was still working when the run ended.</summary>
    [JsonStringEnumMemberName("continued")]
    Continued,

    /// <summary>Its session ended (revoked, or expired) and it stopped.</summary>
    [JsonStringEnumMemberName("stopped")]
    Stopped,

    /// <summary>It stopped on an error of its own.</summary>
    [JsonStringEnumMemberName("failed")]
    Failed,
}
