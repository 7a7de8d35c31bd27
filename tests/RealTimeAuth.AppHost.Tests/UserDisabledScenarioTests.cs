using System.Net;
using System.Text.Json;

namespace RealTimeAuth.AppHost.Tests;

/// <summary>
/// The user-disabled scenario through the real app host: the simulator asks the dev IdP's trigger API to disable the
/// portal user, the IdP pushes RISC account-disabled to the server over the stream the server created at start, and the
/// server revokes every session of the user, so the co-pilot and every agent stop on a pushed revocation.
/// </summary>
[Collection(AppHostCollection.Name)]
[Trait("Tier", "Functional")]
public sealed class UserDisabledScenarioTests(AppHostFixture fixture)
{
    private const string PortalUser = "user@realtimeauth.dev";
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task UserDisabled_RunThroughTheSimulatorEndpoint_CoPilotAndEveryAgentStop()
    {
        var app = fixture.App;
        using var runTimeout = new CancellationTokenSource(RunTimeout);
        using var http = app.CreateHttpClient(ResourceNames.Simulator);
        http.Timeout = RunTimeout;
        using var idp = app.CreateHttpClient(ResourceNames.DevIdp);
        // The IdP keeps disabled users in its database across runs: start from an enabled user.
        await EnableAsync(idp);
        string body;
        try
        {
            using var response = await http.PostAsync(new Uri("/scenarios/user-disabled", UriKind.Relative), content: null, runTimeout.Token);
            body = await response.Content.ReadAsStringAsync(runTimeout.Token);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        }
        finally
        {
            // Enable the simulator's portal user (Simulator:PortalUser) at once, not 15 s later as the scenario does, so the
            // collection's other tests can sign in; and wait until the server has applied account-enabled.
            await EnableAsync(idp);
        }

        var report = JsonDocument.Parse(body).RootElement;
        Assert.True(report.GetProperty("verdict").GetProperty("passed").GetBoolean(), body);
        Assert.True(report.GetProperty("coPilot").GetProperty("revoked").GetBoolean(), body);
        foreach (var agent in report.GetProperty("agents").EnumerateArray())
        {
            Assert.Equal("stopped", agent.GetProperty("outcome").GetString());
            // Usually pushed; an Authorize call that reached the server between the revocation's commit and its push is
            // refused instead, and the agent stops on that refusal (as in the compromised-agent test).
            var revocation = agent.GetProperty("revocation");
            Assert.True(
                revocation.GetProperty("pushed").GetBoolean() || revocation.GetProperty("reason").GetString() is { Length: > 0 },
                $"{agent.GetProperty("kind").GetString()} stopped without a revocation: {revocation}");
        }
    }

    // An unblock that is already in place changes nothing, and is still applied (and logged).
    private Task EnableAsync(HttpClient idp) => SsfTrigger.RunAndWaitForServerAsync(fixture.App, idp, PortalUser, "enable", new { });
}
