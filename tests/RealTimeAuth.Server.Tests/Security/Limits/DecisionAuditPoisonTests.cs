using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RealTimeAuth.Policies;
using RealTimeAuth.Server.Authorization.Audit;
using RealTimeAuth.Server.Authorization.Limits;
using RealTimeAuth.Server.Data;
using RealTimeAuth.Server.Tests.AuthZen;
using RealTimeAuth.Server.Tests.Infrastructure;
using RealTimeAuth.Server.Tests.Live;
using RealTimeAuth.Testing;

namespace RealTimeAuth.Server.Tests.Security.Limits;

/// <summary>
/// A poisoned decision amid normal ones: over HTTP the edge refuses it; recorded straight into the audit queue (as a
/// path that bypassed the edge would) PostgreSQL refuses it, and the writer still stores every normal decision of the
/// batch, and the poisoned ones truncated and flagged — on real PostgreSQL, through the real binary COPY.
/// </summary>
[Collection(InfrastructureCollection.Name)]
[Trait("Tier", "Functional")]
public sealed class DecisionAuditPoisonTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task Writer_PoisonedRowsAmidNormalOnes_AuditsEveryNormalDecisionAndFlagsThePoisonedTruncated()
    {
        await using var server = await LiveServer.StartOnKestrelAsync(infrastructure, "limits_audit_poison", AuthZenServer.Settings(PolicyFiles.TodoPolicy));
        var run = Guid.NewGuid().ToString("N")[..8];
        var recorder = server.Service<DecisionRecorder>();
        using var truncated = new CounterTotal(server.Service<DecisionAuditMetrics>().Truncated);
        using var client = AuthZenServer.Pep(server);
        var expected = new List<string>();

        for (var i = 0; i < 3; i++)
        {
            expected.Add($"http-{run}-{i}");
            using var allowed = await AuthZenServer.PostAsync(client, "/access/v1/evaluation", Evaluation("can_read_todos", expected[^1]));
            Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        }

        using var poisoned = await AuthZenServer.PostAsync(client, "/access/v1/evaluation", Evaluation(new string('x', 300), $"edge-{run}"));
        Assert.Equal(HttpStatusCode.BadRequest, poisoned.StatusCode);

        var longAction = new string('x', DecisionInputLimits.MaxActionLength + 44);
        for (var i = 0; i < 40; i++)
        {
            var (action, id) = i switch
            {
                13 => (longAction, $"poison-{run}-long"),
                27 => ("read\0", $"poison-{run}-nul"),
                _ => ("can_read_todos", $"queued-{run}-{i}"),
            };
            if (!id.StartsWith("poison", StringComparison.Ordinal))
            {
                expected.Add(id);
            }

            recorder.RecordAuthZen(Request(action, id), null);
        }

        var rows = await Eventually.ReadUntilAsync(
            () => RowsAsync(server, run), found => found.Count >= expected.Count + 2, LiveServer.Timeout, "The audit rows");

        Assert.Equal(expected.Order(StringComparer.Ordinal), rows.Where(row => !row.Truncated).Select(row => row.ResourceId!).Order(StringComparer.Ordinal));
        Assert.DoesNotContain(rows, row => row.ResourceId == $"edge-{run}");
        var long_ = Assert.Single(rows, row => row.ResourceId == $"poison-{run}-long");
        Assert.True(long_.Truncated);
        Assert.Equal(longAction[..DecisionInputLimits.MaxActionLength], long_.Action);
        var nul = Assert.Single(rows, row => row.ResourceId == $"poison-{run}-nul");
        Assert.True(nul.Truncated);
        Assert.Equal("read", nul.Action);
        Assert.Equal(2, truncated.Value);
        Assert.Equal(0, recorder.Dropped);
    }

    private static async Task<List<DecisionAuditEntity>> RowsAsync(LiveServer server, string run)
    {
        await using var scope = server.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RtaDbContext>().DecisionAudit.AsNoTracking()
            .Where(row => row.ResourceId!.Contains(run))
            .ToListAsync();
    }

    private static DecisionRequest Request(string action, string resourceId) => new()
    {
        Subject = new PolicySubject { Type = "user", Id = "alice" },
        Action = action,
        Resource = new PolicyResource { Type = "todo", Id = resourceId },
    };

    private static string Evaluation(string action, string resourceId) =>
        JsonSerializer.Serialize(new { subject = new { type = "user", id = "alice" }, action = new { name = action }, resource = new { type = "todo", id = resourceId } });
}
