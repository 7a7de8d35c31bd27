using RealTimeAuth.IntegrationTests.Infrastructure;
using RealTimeAuth.Protocol.Exchange;
using RealTimeAuth.Sdk;
using RealTimeAuth.Server.Sessions;
using RealTimeAuth.Testing;
using RealTimeAuth.Testing.Hosting;

namespace RealTimeAuth.IntegrationTests.Replicas;

/// <summary>Agents delegated across replicas: the parent's session lives on one, the child's stream on another.</summary>
internal static class ReplicaAgents
{
    /// <summary>Delegates from <paramref name="parent"/> through <paramref name="replica"/>, whose live channel the child then holds.</summary>
    public static async Task<RtaClient> DelegateOnAsync(
        ServerHost replica, RtaClientFactory factory, RtaClient parent, string name, CancellationToken cancellationToken)
    {
        // The parent was created on another replica; an exchange here needs this replica to know it first.
        var parentId = Guid.Parse(parent.SessionId);
        var cache = replica.Service<SessionCache>();
        Assert.True(
            await Eventually.UntilAsync(() => cache.Find(parentId) is not null, TestTimeouts.Push, cancellationToken, TimeSpan.FromMilliseconds(10)),
            $"Replica {replica.Name} did not learn of session {parentId}.");

        var child = await factory.ConnectAsync(
            new RtaSessionRequest
            {
                SubjectToken = parent.CurrentToken,
                SubjectTokenType = RtaExchangeNames.RtaTokenType,
                Scopes = ["records:read"],
                Agent = Agents.Identity(name),
            },
            cancellationToken);
        using var probe = new AgentProbe(child);
        await probe.WaitForStateAsync(RtaConnectionState.Connected, TestTimeouts.Push);
        return child;
    }
}
