using System.Net;
using System.Text.Json;

namespace RealTimeAuth.AppHost.Tests;

/// <summary>
/// The policy-tightened scenario against the real app host: the server seeded <c>policies/agents.policy.json</c>, the
/// simulator publishes a version that denies record writes to the data writer through the admin API, and the writer's
/// writes flip to denied while every agent goes on. Every await is bounded.
/// </summary>
[Collection(AppHostCollection.Name)]
[Trait("Tier", "Functional")]
public sealed class PolicyTightenedScenarioTests(AppHostFixture fixture)
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task PolicyTightened_RunThroughTheSimulatorEndpoint_WriterDeniedWritesAndEveryoneGoesOn()
    {
        using var runTimeout = new CancellationTokenSource(RunTimeout);
        using var http = fixture.App.CreateHttpClient(ResourceNames.Simulator);
        http.Timeout = RunTimeout;

        using var response = await http.PostAsync(new Uri("/scenarios/policy-tightened", UriKind.Relative), content: null, runTimeout.Token);
        var body = await response.Content.ReadAsStringAsync(runTimeout.Token);

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        var report = JsonDocument.Parse(body).RootElement;
        Assert.True(report.GetProperty("verdict").GetProperty("passed").GetBoolean(), body);
        Assert.Contains("denying 'write records'", report.GetProperty("trigger").GetProperty("description").GetString(), StringComparison.Ordinal);
        var agents = report.GetProperty("agents").EnumerateArray().ToDictionary(agent => agent.GetProperty("kind").GetString()!);
        foreach (var (kind, agent) in agents)
        {
            Assert.True(agent.GetProperty("outcome").GetString() == "continued", $"{kind}: {agent}");
        }

        Assert.False(report.GetProperty("coPilot").GetProperty("revoked").GetBoolean());
    }
}
