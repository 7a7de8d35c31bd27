using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RealTimeAuth.Server.Authorization.Audit;
using RealTimeAuth.Server.Data;
using RealTimeAuth.Server.Tests.Live;
using RealTimeAuth.Testing;

namespace RealTimeAuth.Server.Tests.DecisionAudit;

[Collection(InfrastructureCollection.Name)]
[Trait("Tier", "Functional")]
public sealed class DecisionAuditRetentionTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task Sweep_DeletesEveryDecisionOlderThanTheRetentionInBatches_AndKeepsTheRest()
    {
        await using var server = await LiveServer.StartAsync(
            infrastructure, "audit_retention", new Dictionary<string, string> { ["DecisionAudit:Retention"] = "30.00:00:00" });
        await using (var scope = server.Factory.Services.CreateAsyncScope())
        {
            // More old rows than one batch deletes, and recent ones on both sides of them in id order.
            await scope.ServiceProvider.GetRequiredService<RtaDbContext>().Database.ExecuteSqlRawAsync("""
                INSERT INTO decision_audit (time, user_id, agent_chain, action, resource_type, allowed, source)
                SELECT now() - interval '1 day', 'recent', ARRAY[]::text[], 'read', 'doc', true, 'authzen' FROM generate_series(1, 3);
                INSERT INTO decision_audit (time, user_id, agent_chain, action, resource_type, allowed, source)
                SELECT now() - interval '31 days', 'old', ARRAY[]::text[], 'read', 'doc', false, 'authzen' FROM generate_series(1, 10005);
                INSERT INTO decision_audit (time, user_id, agent_chain, action, resource_type, allowed, source)
                SELECT now() - interval '29 days', 'recent', ARRAY[]::text[], 'read', 'doc', true, 'authzen' FROM generate_series(1, 2);
                """);
        }

        var deleted = await server.Service<DecisionAuditRetention>().SweepAsync(CancellationToken.None).WaitAsync(LiveServer.Timeout);

        await using var check = server.Factory.Services.CreateAsyncScope();
        var db = check.ServiceProvider.GetRequiredService<RtaDbContext>();
        Assert.Equal(10005, deleted);
        Assert.Equal(0, await db.DecisionAudit.CountAsync(row => row.User == "old"));
        Assert.Equal(5, await db.DecisionAudit.CountAsync(row => row.User == "recent"));
        Assert.Equal(0, await server.Service<DecisionAuditRetention>().SweepAsync(CancellationToken.None).WaitAsync(LiveServer.Timeout));
    }
}
