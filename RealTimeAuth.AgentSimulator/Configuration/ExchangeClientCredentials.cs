namespace RealTimeAuth.AgentSimulator.Configuration;

/// <summary>The co-pilot's client at the RTA token endpoint (<c>Simulator:CoPilot</c>); its agents delegate through the same client.</summary>
public sealed class ExchangeClientCredentials
{
    public string ClientId { get; set; } = "copilot";

    /// <summary>The app host passes its generated <c>copilot-client-secret</c>; elsewhere use user secrets. Never logged.</summary>
    public string ClientSecret { get; set; } = string.Empty;
}
