namespace RealTimeAuth.AppHost.Wiring;

/// <summary>The app host's secrets: random, generated on first run and kept in its user secrets.</summary>
/// <param name="SigningKeyEncryption">Wraps the server's private signing keys at rest.</param>
/// <param name="CopilotClient">The co-pilot's client secret at the server; the simulator's co-pilot uses it.</param>
/// <param name="AgentClient">The agents' client secret at the server.</param>
/// <param name="AdminConsoleClient">The admin console's client secret at the dev IdP; the simulator signs its admin in with it too.</param>
/// <param name="RtaServerClient">The server's client secret at the dev IdP, for managing its Shared Signals stream.</param>
internal sealed record GeneratedSecrets(
    IResourceBuilder<ParameterResource> SigningKeyEncryption,
    IResourceBuilder<ParameterResource> CopilotClient,
    IResourceBuilder<ParameterResource> AgentClient,
    IResourceBuilder<ParameterResource> AdminConsoleClient,
    IResourceBuilder<ParameterResource> RtaServerClient);
