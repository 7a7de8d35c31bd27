using System.Net;
using System.Text.Json;

namespace RealTimeAuth.AppHost.Tests;

/// <summary>
/// The risk-rises scenario through the real app host: the simulator asks the dev IdP to raise the portal user's risk,
/// the IdP pushes CAEP risk-level-change to the server, every session of the user gets a context-changed token on its
/// stream, and the seeded demo policy (<c>policies/agents.policy.json</c>) denies record writes from then on while every
/// agent goes on reading.
/// </summary>
[Collection(AppHostCollection.Name)]
[Trait("Tier", "Functional")]
public sealed class RiskRisesScenarioTests(AppHostFixture fixture)
{
    private const string PortalUser = "user@realtimeauth.dev";
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task RiskRises_RunThroughTheSimulatorEndpoint_WritesDeniedAndEveryoneGoesOn()
    {
        using var runTimeout = new CancellationTokenSource(RunTimeout);
        using var http = fixture.App.CreateHttpClient(ResourceNames.Simulator);
        http.Timeout = RunTimeout;
        using var idp = fixture.App.CreateHttpClient(ResourceNames.DevIdp);
        await SetRiskAsync(idp, "low");
        string body;
        try
        {
            using var response = await http.PostAsync(new Uri("/scenarios/risk-rises", UriKind.Relative), content: null, runTimeout.Token);
            body = await response.Content.ReadAsStringAsync(runTimeout.Token);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        }
        finally
        {
            // Low again at once, not 15 s later as the scenario does, so the collection's other runs see the usual policy outcome.
            await SetRiskAsync(idp, "low");
        }

        var report = JsonDocument.Parse(body).RootElement;
        Assert.True(report.GetProperty("verdict").GetProperty("passed").GetBoolean(), body);
        Assert.Contains("context-changed", report.GetProperty("trigger").GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.False(report.GetProperty("coPilot").GetProperty("revoked").GetBoolean(), body);
        foreach (var agent in report.GetProperty("agents").EnumerateArray())
        {
            Assert.True(agent.GetProperty("outcome").GetString() == "continued", $"{agent.GetProperty("kind").GetString()}: {agent}");
        }
    }

    // A level already in place changes nothing, and is still applied (and logged).
    private Task SetRiskAsync(HttpClient idp, string level) => SsfTrigger.RunAndWaitForServerAsync(fixture.App, idp, PortalUser, "risk", new { level });
}
