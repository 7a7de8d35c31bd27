using RealTimeAuth.Sdk;

namespace RealTimeAuth.IntegrationTests.Infrastructure;

/// <summary>SDK clients as an agent process builds them, pointed at one replica over plain http.</summary>
internal static class Agents
{
    public static RtaClientFactory CopilotFactory(ServerCluster cluster, ServerHost replica) =>
        Factory(replica, ServerCluster.CopilotClientId, cluster.CopilotSecret, "copilot");

    public static RtaClientFactory AgentFactory(ServerCluster cluster, ServerHost replica) =>
        Factory(replica, ServerCluster.AgentClientId, cluster.AgentSecret, "agent");

    public static RtaAgentIdentity Identity(string name, string kind = "agent") =>
        new() { Id = $"{name}-{Guid.NewGuid():N}", Name = name, Kind = kind, Software = "integration-tests/1.0" };

    private static RtaClientFactory Factory(ServerHost replica, string clientId, string secret, string kind) => new(new RtaClientOptions
    {
        ServerAddress = replica.BaseAddress,
        ClientId = clientId,
        ClientSecret = secret,
        Agent = Identity(kind, kind),
        AllowInsecureHttp = true,
        ReconnectBaseDelay = TimeSpan.FromMilliseconds(100),
        ReconnectMaxDelay = TimeSpan.FromSeconds(1),
    });
}
