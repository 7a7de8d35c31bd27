using RealTimeAuth.Sdk;

namespace RealTimeAuth.Testing.Hosting;

/// <summary>SDK clients as an agent process builds them, pointed at one replica over plain http.</summary>
public static class Agents
{
    /// <summary>The keys of every session the factories below make, so tests can prove possession outside the SDK.</summary>
    public static TestSessionKeys SessionKeys { get; } = new();

    public static RtaClientFactory CopilotFactory(ServerCluster cluster, ServerHost replica) =>
        Factory(replica.BaseAddress, ServerCluster.CopilotClientId, cluster.CopilotSecret, "copilot");

    public static RtaClientFactory AgentFactory(ServerCluster cluster, ServerHost replica) =>
        Factory(replica.BaseAddress, ServerCluster.AgentClientId, cluster.AgentSecret, "agent");

    public static RtaAgentIdentity Identity(string name, string kind = "agent") =>
        new() { Id = $"{name}-{Guid.NewGuid():N}", Name = name, Kind = kind, Software = "integration-tests/1.0" };

    /// <summary>
    /// A factory for the exchange client <paramref name="clientId"/> of the replica at <paramref name="serverAddress"/>, which
    /// may run in another process. Its session keys go to <see cref="SessionKeys"/> unless <paramref name="keepKeys"/> is
    /// false (load runs, which make thousands and never look one up, use the SDK's own).
    /// </summary>
    public static RtaClientFactory Factory(Uri serverAddress, string clientId, string secret, string kind, bool keepKeys = true) => new(new RtaClientOptions
    {
        ServerAddress = serverAddress,
        ClientId = clientId,
        ClientSecret = secret,
        Agent = Identity(kind, kind),
        AllowInsecureHttp = true,
        SessionKeys = keepKeys ? SessionKeys : null,
        ReconnectBaseDelay = TimeSpan.FromMilliseconds(100),
        ReconnectMaxDelay = TimeSpan.FromSeconds(1),
    });
}
