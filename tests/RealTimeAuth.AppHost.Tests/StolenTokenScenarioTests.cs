using System.Net;
using System.Text.Json;

namespace RealTimeAuth.AppHost.Tests;

/// <summary>
/// The stolen-token scenario through the simulator's endpoint, against the real app host: a thief copies a working
/// agent's RTAToken and the agent's latest proof and tries to stream (gRPC, SSE), authorize (gRPC, HTTP) and delegate.
/// Each attempt must be refused by the real server with its reason code, and every agent must go on working.
/// </summary>
[Collection(AppHostCollection.Name)]
[Trait("Tier", "Functional")]
public sealed class StolenTokenScenarioTests(AppHostFixture fixture)
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(2);

    [Fact]
    public async Task StolenToken_RunThroughTheSimulatorEndpoint_EveryUseRefusedAndAgentsGoOn()
    {
        using var runTimeout = new CancellationTokenSource(RunTimeout);
        using var http = fixture.App.CreateHttpClient(ResourceNames.Simulator);
        http.Timeout = RunTimeout;
        using var response = await http.PostAsync(new Uri("/scenarios/stolen-token", UriKind.Relative), content: null, runTimeout.Token);
        var body = await response.Content.ReadAsStringAsync(runTimeout.Token);

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode}: {body}");
        var report = JsonDocument.Parse(body).RootElement;
        Assert.True(report.GetProperty("verdict").GetProperty("passed").GetBoolean(), body);

        var attacks = report.GetProperty("trigger").GetProperty("attacks").EnumerateArray()
            .ToDictionary(attack => attack.GetProperty("attempt").GetString()!, attack => attack.GetProperty("reason").GetString());
        Assert.Equal("proof-missing", attacks["open a gRPC stream with the token alone"]);
        Assert.Equal("wrong-key", attacks["open a gRPC stream with the token and a proof by the thief's own key"]);
        Assert.Equal("proof-missing", attacks["open an SSE stream with the token alone"]);
        Assert.Equal("proof-missing", attacks["authorize over HTTP with the token alone"]);
        Assert.Equal("proof-missing", attacks["authorize over gRPC with the token alone"]);
        Assert.Equal("stream-binding-unknown", attacks["authorize over gRPC with the token and a guessed stream binding"]);
        Assert.Equal("parent-proof-missing", attacks["delegate with the token and the thief's own key, without the parent's proof"]);
        Assert.Equal("wrong-key", attacks["delegate with the token, signing as the parent with the thief's own key"]);
        // The agent's own proof was seen on the wire and replayed: refused as a replay (or, a minute later, as stale).
        Assert.Contains(attacks["open a gRPC stream with the token and the agent's old proof"], new[] { "replayed-proof", "stale-proof" });
        Assert.Contains(attacks["authorize over HTTP with the token and the agent's old proof"], new[] { "wrong-uri", "replayed-proof", "stale-proof" });

        foreach (var agent in report.GetProperty("agents").EnumerateArray())
        {
            Assert.Equal("continued", agent.GetProperty("outcome").GetString());
            Assert.True(agent.GetProperty("performedAfterTrigger").GetInt32() > 0, $"{agent.GetProperty("kind")} did nothing after the attacks");
        }

        Assert.False(report.GetProperty("coPilot").GetProperty("revoked").GetBoolean());
    }
}
