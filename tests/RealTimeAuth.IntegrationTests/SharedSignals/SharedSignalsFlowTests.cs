using System.Diagnostics;
using System.Net;
using RealTimeAuth.IntegrationTests.Infrastructure;
using RealTimeAuth.Protocol.Exchange;
using RealTimeAuth.Protocol.Live;
using RealTimeAuth.Sdk;
using RealTimeAuth.Testing;
using RealTimeAuth.Testing.Hosting;
using Xunit.Abstractions;

namespace RealTimeAuth.IntegrationTests.SharedSignals;

/// <summary>
/// The dev IdP as the server's Shared Signals transmitter, end to end on real Kestrel: the server creates its push
/// stream at the IdP, the IdP's trigger API changes the user and transmits the CAEP/RISC event, and the SDK sees the effect.
/// </summary>
[Collection(InfrastructureCollection.Name)]
[Trait("Tier", "Functional")]
public sealed class SharedSignalsFlowTests(InfrastructureFixture infrastructure, DevIdpFixture idp, ITestOutputHelper output)
{
    [Fact]
    public async Task IdpDisablesUser_EveryAgentOfTheUserIsRevoked_AndNewExchangeFails()
    {
        using var timeout = TestTimeouts.Start();
        await using var cluster = await ServerCluster.CreateAsync(infrastructure, idp, "ssfdisable", SsfTriggers.ManagedTransmitter(idp));
        var server = await cluster.StartReplicaAsync();
        await SsfTriggers.WaitForStreamAsync(server, await idp.AdminAccessTokenAsync(timeout.Token), TestTimeouts.Startup, timeout.Token);
        using var copilotFactory = Agents.CopilotFactory(cluster, server);
        using var agentFactory = Agents.AgentFactory(cluster, server);
        var userToken = await idp.UserAccessTokenAsync(timeout.Token);
        await using var copilot = await copilotFactory.ConnectAsync(new RtaSessionRequest { SubjectToken = userToken, Scopes = ["records:read"] }, timeout.Token);
        var agents = new List<RtaClient> { copilot };
        for (var index = 0; index < 3; index++)
        {
            agents.Add(await agentFactory.ConnectAsync(
                new RtaSessionRequest
                {
                    SubjectToken = copilot.CurrentToken,
                    SubjectTokenType = RtaExchangeNames.RtaTokenType,
                    Scopes = ["records:read"],
                    Agent = Agents.Identity($"agent-{index}"),
                },
                timeout.Token));
        }

        var probes = agents.Select(agent => new AgentProbe(agent)).ToList();
        try
        {
            foreach (var probe in probes)
            {
                await probe.WaitForStateAsync(RtaConnectionState.Connected, TestTimeouts.Push);
            }

            var started = Stopwatch.GetTimestamp();
            var jtis = await SsfTriggers.TriggerAsync(idp, DemoAccounts.RickSubject, "disable", null, timeout.Token);
            Assert.NotEmpty(jtis);
            foreach (var probe in probes)
            {
                var revoked = await probe.Revoked.WaitAsync(TimeSpan.FromSeconds(15), timeout.Token);
                Assert.True(revoked.Pushed);
            }

            output.WriteLine($"IdP trigger to the last agent's revocation: {Stopwatch.GetElapsedTime(started).TotalMilliseconds:0} ms.");
            using var http = server.CreateHttpClient();
            var again = await ExchangeRequests.PostAsync(
                http, ExchangeRequests.FromUserToken(userToken), ExchangeRequests.Basic(ServerCluster.CopilotClientId, cluster.CopilotSecret), timeout.Token);
            Assert.NotEqual(HttpStatusCode.OK, again.Status);
            output.WriteLine($"Exchange after the disable: {again}");
        }
        finally
        {
            probes.ForEach(probe => probe.Dispose());
            await SsfTriggers.TriggerAsync(idp, DemoAccounts.RickSubject, "enable", null, CancellationToken.None);
            foreach (var agent in agents.Skip(1))
            {
                await agent.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task IdpRaisesRisk_SessionContextChanges_AndAFreshTokenIsPushed()
    {
        using var timeout = TestTimeouts.Start();
        await using var cluster = await ServerCluster.CreateAsync(infrastructure, idp, "ssfrisk", SsfTriggers.ManagedTransmitter(idp));
        var server = await cluster.StartReplicaAsync();
        await SsfTriggers.WaitForStreamAsync(server, await idp.AdminAccessTokenAsync(timeout.Token), TestTimeouts.Startup, timeout.Token);
        using var copilotFactory = Agents.CopilotFactory(cluster, server);
        await using var copilot = await copilotFactory.ConnectAsync(
            new RtaSessionRequest { SubjectToken = await idp.UserAccessTokenAsync(timeout.Token), Scopes = ["records:read"] }, timeout.Token);
        using var probe = new AgentProbe(copilot);
        await probe.WaitForStateAsync(RtaConnectionState.Connected, TestTimeouts.Push);
        var before = copilot.CurrentToken;
        try
        {
            await SsfTriggers.TriggerAsync(idp, DemoAccounts.RickSubject, "risk", new { level = "high" }, timeout.Token);
            var refresh = await probe.WaitForRefreshAsync(RtaRefreshReasons.ContextChanged, TimeSpan.FromSeconds(15));
            Assert.NotEqual(before, copilot.CurrentToken);
            output.WriteLine($"Risk high pushed a fresh token ({refresh.Reason}).");
        }
        finally
        {
            await SsfTriggers.TriggerAsync(idp, DemoAccounts.RickSubject, "risk", new { level = "low" }, CancellationToken.None);
        }
    }
}
