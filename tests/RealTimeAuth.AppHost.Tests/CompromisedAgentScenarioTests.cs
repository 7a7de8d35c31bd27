using System.Net;
using System.Text.Json;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.DependencyInjection;

namespace RealTimeAuth.AppHost.Tests;

/// <summary>
/// The compromised-agent scenario through the simulator's own HTTP endpoint (what the dashboard command calls), against
/// the real app host: local Redis and PostgreSQL processes, the server, the dev IdP, the admin API. Every await is bounded.
/// </summary>
[Collection(AppHostCollection.Name)]
[Trait("Tier", "Functional")]
public sealed class CompromisedAgentScenarioTests(AppHostFixture fixture)
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task CompromisedAgent_RunThroughTheSimulatorEndpoint_RevokedSubtreeStopsAndSiblingsGoOn()
    {
        var app = fixture.App;

        using var runTimeout = new CancellationTokenSource(RunTimeout);
        using var http = app.CreateHttpClient(ResourceNames.Simulator);
        http.Timeout = RunTimeout;
        using var response = await http.PostAsync(new Uri("/scenarios/compromised-agent", UriKind.Relative), content: null, runTimeout.Token);
        var body = await response.Content.ReadAsStringAsync(runTimeout.Token);

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        var report = JsonDocument.Parse(body).RootElement;
        var verdict = report.GetProperty("verdict");
        Assert.True(verdict.GetProperty("passed").GetBoolean(), body);

        var agents = report.GetProperty("agents").EnumerateArray().ToDictionary(agent => agent.GetProperty("kind").GetString()!);
        Assert.Equal(["compliance-checker", "data-writer", "policy-reader", "record-exporter"], agents.Keys.Order(StringComparer.Ordinal));
        foreach (var kind in new[] { "data-writer", "record-exporter" })
        {
            var agent = agents[kind];
            Assert.Equal("stopped", agent.GetProperty("outcome").GetString());
            var revocation = agent.GetProperty("revocation");

            // Usually pushed; a call that reached the server between commit and push is refused instead, and says so.
            if (revocation.GetProperty("pushed").GetBoolean())
            {
                Assert.InRange(revocation.GetProperty("eventToStopMs").GetDouble(), -50, 5_000);
            }

            if (agent.TryGetProperty("lastPerformedAt", out var lastPerformedAt))
            {
                Assert.True(lastPerformedAt.GetDateTimeOffset() <= revocation.GetProperty("receivedAt").GetDateTimeOffset(), $"{kind} acted after its revocation arrived");
            }
        }

        foreach (var kind in new[] { "policy-reader", "compliance-checker" })
        {
            var agent = agents[kind];
            Assert.Equal("continued", agent.GetProperty("outcome").GetString());
            Assert.True(agent.GetProperty("performedAfterTrigger").GetInt32() > 0, $"{kind} did nothing after the trigger");
        }

        var revoked = report.GetProperty("trigger").GetProperty("revokedSessionIds").EnumerateArray().Select(id => id.GetString()).Order(StringComparer.Ordinal);
        var subtree = new[] { agents["data-writer"], agents["record-exporter"] }.Select(agent => agent.GetProperty("sessionId").GetString()).Order(StringComparer.Ordinal);
        Assert.Equal(subtree, revoked);
        Assert.False(report.GetProperty("coPilot").GetProperty("revoked").GetBoolean());

        // The dashboard's command for a scenario reaches the same endpoint and reports the run.
        var commands = app.Services.GetRequiredService<ResourceCommandService>();
        var steady = await commands.ExecuteCommandAsync(ResourceNames.Simulator, "scenario-steady", runTimeout.Token);
        Assert.True(steady.Success, steady.Message);
    }
}
