namespace RealTimeAuth.AgentSimulator.Scenarios;

/// <summary>The scenarios, as configuration (<c>Simulator:Scenario</c>) and the HTTP route (<c>POST /scenarios/{name}</c>) name them.</summary>
public static class ScenarioNames
{
    public const string Steady = "steady";
    public const string CompromisedAgent = "compromised-agent";
    public const string UserDisabled = "user-disabled";
    public const string RiskRises = "risk-rises";
    public const string PolicyTightened = "policy-tightened";
    public const string StolenToken = "stolen-token";

    public static readonly IReadOnlyList<string> All = [Steady, CompromisedAgent, UserDisabled, RiskRises, PolicyTightened, StolenToken];
}
