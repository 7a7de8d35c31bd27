using RealTimeAuth.ServiceDefaults;

namespace RealTimeAuth.AgentSimulator.Configuration;

/// <summary>The <c>Simulator</c> configuration section; validated at start by <see cref="SimulatorOptionsValidator"/>.</summary>
public sealed class SimulatorOptions
{
    public const string SectionName = "Simulator";

    public SimulatorMode Mode { get; set; } = SimulatorMode.Scenario;

    /// <summary>The scenario run at start in <see cref="SimulatorMode.Scenario"/> mode.</summary>
    public string Scenario { get; set; } = "steady";

    /// <summary>The RTA server: a service discovery name such as <c>https+http://server</c>, or an http(s) address.</summary>
    public string ServerAddress { get; set; } = $"https+http://{ResourceNames.Server}";

    /// <summary>The identity provider the users sign in at, in the same form as <see cref="ServerAddress"/>.</summary>
    public string IdentityProvider { get; set; } = $"https+http://{ResourceNames.DevIdp}";

    /// <summary>Allows plain-http server and IdP addresses, which send tokens and passwords unencrypted. Development only.</summary>
    public bool AllowInsecureHttp { get; set; }

    /// <summary>Maps <c>POST /scenarios/{name}</c> and <c>POST /load</c>. They act with admin rights and have no authentication: Development only.</summary>
    public bool ControlApiEnabled { get; set; }

    public ExchangeClientCredentials CoPilot { get; set; } = new();

    public PortalClientOptions Portal { get; set; } = new();

    /// <summary>The user whose co-pilot and agents the scenarios run.</summary>
    public UserCredentials PortalUser { get; set; } = new();

    public AdminCredentials Admin { get; set; } = new();

    public RunOptions Run { get; set; } = new();

    /// <summary>The agent kind whose subtree the <c>compromised-agent</c> scenario revokes.</summary>
    public string CompromisedAgentKind { get; set; } = "data-writer";
}
