using System.Net;
using System.Text.Json;
using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace RealTimeAuth.AgentSimulator.Tests.AppHost;

/// <summary>
/// The compromised-agent scenario through the simulator's own HTTP endpoint (what the dashboard command calls), against
/// the real app host: local Redis and PostgreSQL processes, the server, the dev IdP, the admin API. Every await is bounded.
/// </summary>
public sealed class CompromisedAgentScenarioTests
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(4);
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(2);
    private static readonly string[] Resources = ["redis-server", "postgres", "server", "devidp", "agent-simulator"];

    [Fact]
    public async Task CompromisedAgent_RunThroughTheSimulatorEndpoint_RevokedSubtreeStopsAndSiblingsGoOn()
    {
        using var startTimeout = new CancellationTokenSource(StartTimeout);
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.RealTimeAuth_AppHost>(
            ["Infrastructure:Mode=LocalProcesses"], startTimeout.Token);
        builder.Services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        // Nothing at start (the test asks for its run), and a short run: trigger after 2 s, end after 5 s.
        builder.CreateResourceBuilder<ProjectResource>("agent-simulator")
            .WithEnvironment("Simulator__Mode", "Idle")
            .WithEnvironment("Simulator__Run__ActionInterval", "00:00:00.200")
            .WithEnvironment("Simulator__Run__TriggerAfter", "00:00:02")
            .WithEnvironment("Simulator__Run__Duration", "00:00:05");

        await using var app = await builder.BuildAsync(startTimeout.Token);
        await app.StartAsync(startTimeout.Token);
        foreach (var resource in Resources)
        {
            await app.ResourceNotifications.WaitForResourceHealthyAsync(resource, startTimeout.Token);
        }

        using var runTimeout = new CancellationTokenSource(RunTimeout);
        using var http = app.CreateHttpClient("agent-simulator");
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

        // The dashboard's command for a scenario that waits for a feature reaches the same endpoint and shows its 501 detail.
        var commands = app.Services.GetRequiredService<ResourceCommandService>();
        var waiting = await commands.ExecuteCommandAsync("agent-simulator", "scenario-user-disabled", runTimeout.Token);
        Assert.False(waiting.Success);
        Assert.StartsWith("The scenario 'user-disabled' is not available until ", waiting.Message, StringComparison.Ordinal);

        await app.StopAsync().WaitAsync(TimeSpan.FromSeconds(60));
    }
}
