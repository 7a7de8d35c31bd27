using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RealTimeAuth.Server.Authorization.Audit;
using RealTimeAuth.Server.Authorization.Pdp;
using RealTimeAuth.Server.Data;
using RealTimeAuth.Server.Tests.Live;
using RealTimeAuth.Testing;

namespace RealTimeAuth.Server.Tests.DecisionAudit;

/// <summary>A live decision's audit row keeps the keys of the acting session's chain next to its agents, through the real <c>COPY</c>.</summary>
[Collection(InfrastructureCollection.Name)]
[Trait("Tier", "Functional")]
public sealed class DecisionAuditKeyChainTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task RecordLive_DelegatedSession_WritesItsKeyChainRootFirst()
    {
        await using var server = await LiveServer.StartAsync(infrastructure, "audit_key_chain");
        var (root, _) = await server.CreateSessionAsync(["records:read"]);
        var (child, _) = await server.CreateSessionAsync(["records:read"], root.Id);
        var query = new AuthorizationQuery { Action = "read", ResourceType = "records", ResourceId = $"r-{Guid.NewGuid():N}" };

        server.Service<DecisionRecorder>().RecordLive(child, query, new AuthorizationDecision(true, "allowed-by-rule", "1"));

        var row = await Eventually.ReadUntilAsync(
            async () =>
            {
                await using var scope = server.Factory.Services.CreateAsyncScope();
                return await scope.ServiceProvider.GetRequiredService<RtaDbContext>().DecisionAudit.AsNoTracking()
                    .SingleOrDefaultAsync(audit => audit.ResourceId == query.ResourceId);
            },
            audit => audit is not null, LiveServer.Timeout, "The audit row");
        Assert.Equal([root.KeyThumbprint!, child.KeyThumbprint!], row!.KeyChain);
        Assert.Equal(child.KeyChain, row.KeyChain);
        Assert.Equal(2, row.AgentChain.Length);
    }
}
