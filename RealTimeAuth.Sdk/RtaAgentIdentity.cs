namespace RealTimeAuth.Sdk;

/// <summary>Who an agent is, sent with each exchange as <c>agent_id</c>, <c>agent_name</c>, <c>agent_kind</c> and <c>agent_software</c>.</summary>
public sealed class RtaAgentIdentity
{
    /// <summary>Stable identifier of the agent, for example <c>mail-triage-7</c>. Required.</summary>
    public string? Id { get; set; }

    /// <summary>Human-readable name shown to admins.</summary>
    public string? Name { get; set; }

    /// <summary>What the agent is, for example <c>copilot</c> or <c>agent</c>.</summary>
    public string? Kind { get; set; }

    /// <summary>Software and version, for example <c>contoso-agent/1.4</c>.</summary>
    public string? Software { get; set; }
}
