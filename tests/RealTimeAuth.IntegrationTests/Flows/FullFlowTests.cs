using System.Diagnostics;
using RealTimeAuth.IntegrationTests.Infrastructure;
using RealTimeAuth.Protocol.Grpc;
using RealTimeAuth.Protocol.Live;
using RealTimeAuth.Sdk;
using RealTimeAuth.Testing;
using RealTimeAuth.Testing.Hosting;
using Xunit.Abstractions;

namespace RealTimeAuth.IntegrationTests.Flows;

/// <summary>
/// The core loop end to end: a user signs in at the dev IdP, a co-pilot exchanges the user's token through the
/// SDK, delegates to three agents, and an admin revokes the co-pilot through the admin API.
/// </summary>
[Collection(InfrastructureCollection.Name)]
[Trait("Tier", "Functional")]
public sealed class FullFlowTests(InfrastructureFixture infrastructure, DevIdpFixture idp, ITestOutputHelper output)
{
    private const string AdminReason = "integration test: co-pilot compromised";

    [Fact]
    public async Task RevokingCopilot_WithThreeDelegatedAgents_PushesRevocationToEveryAgentAndRefusesTheirNextCall()
    {
        using var timeout = TestTimeouts.Start();
        await using var cluster = await ServerCluster.CreateAsync(infrastructure, idp, "fullflow");
        var server = await cluster.StartReplicaAsync();
        var userToken = await idp.UserAccessTokenAsync(timeout.Token);
        using var factory = Agents.CopilotFactory(cluster, server);

        await using var copilot = await factory.ConnectAsync(
            new RtaSessionRequest
            {
                SubjectToken = userToken,
                Scopes = ["records:read", "records:write", "todos:read", "todos:write"],
                Agent = Agents.Identity("copilot", "copilot"),
            },
            timeout.Token);
        using var copilotProbe = new AgentProbe(copilot);
        string[][] agentScopes = [["records:read"], ["todos:read", "todos:write"], ["records:read", "todos:read"]];
        var agents = new List<RtaClient>();
        var probes = new List<AgentProbe>();
        try
        {
            foreach (var (scopes, index) in agentScopes.Select((scopes, index) => (scopes, index)))
            {
                var agent = await copilot.CreateChildAsync(Agents.Identity($"agent-{index}"), scopes, timeout.Token);
                agents.Add(agent);
                probes.Add(new AgentProbe(agent));
            }

            await copilotProbe.WaitForStateAsync(RtaConnectionState.Connected, TestTimeouts.Push);
            foreach (var (probe, scopes) in probes.Zip(agentScopes))
            {
                await probe.WaitForStateAsync(RtaConnectionState.Connected, TestTimeouts.Push);
                Assert.Equal(copilot.SessionId, probe.Client.ParentSessionId);
                Assert.Equal(scopes.Order(StringComparer.Ordinal), probe.Client.Scopes.Order(StringComparer.Ordinal));
            }

            // Before: each agent may do exactly what its narrower scopes say.
            Assert.True((await agents[0].AuthorizeAsync("read", "records", "rec-1", cancellationToken: timeout.Token)).Allowed);
            var beyond = await agents[0].AuthorizeAsync("write", "records", "rec-1", cancellationToken: timeout.Token);
            Assert.False(beyond.Allowed);
            Assert.Equal("scope-missing", beyond.Reason);
            Assert.True((await agents[1].AuthorizeAsync("write", "todos", "todo-1", cancellationToken: timeout.Token)).Allowed);
            Assert.False((await agents[1].AuthorizeAsync("read", "records", "rec-1", cancellationToken: timeout.Token)).Allowed);
            var oldTokens = agents.Select(agent => agent.CurrentToken).ToList();

            var adminToken = await idp.AdminAccessTokenAsync(timeout.Token);
            var revokeStarted = Stopwatch.GetTimestamp();
            var revocation = await AdminApi.RevokeSessionAsync(server, adminToken, copilot.SessionId, AdminReason, timeout.Token);

            Assert.Equal(
                agents.Select(agent => agent.SessionId).Append(copilot.SessionId).Order(StringComparer.Ordinal),
                revocation.RevokedSessionIds.Select(id => id.ToString()).Order(StringComparer.Ordinal));
            foreach (var probe in probes.Append(copilotProbe))
            {
                var revoked = await probe.Revoked.WaitAsync(TestTimeouts.Push, timeout.Token);
                output.WriteLine(
                    $"{probe.Client.Agent.Name}: revoked '{revoked.Reason}' after {Stopwatch.GetElapsedTime(revokeStarted, probe.RevokedAtTimestamp).TotalMilliseconds:0.0} ms");
                Assert.True(revoked.Pushed, "The revocation should arrive on the live stream, not from a refused call.");
                Assert.Equal(revocation.EventSequence, revoked.EventSequence);
                Assert.Equal(AdminReason, revoked.Detail);
                Assert.Equal(RtaConnectionState.Revoked, probe.Client.State);
            }

            // The session the admin named reads the admin's cause; the agents its subtree sweep ended read ancestor-revoked.
            Assert.Equal(RtaRevocationReasons.AdminRevoked, (await copilotProbe.Revoked).Reason);
            foreach (var probe in probes)
            {
                Assert.Equal(RtaRevocationReasons.AncestorRevoked, (await probe.Revoked).Reason);
            }

            // After: the SDK refuses locally, and the server refuses the old tokens on both transports.
            foreach (var (agent, oldToken) in agents.Zip(oldTokens))
            {
                var local = await agent.AuthorizeAsync("read", "records", "rec-1", cancellationToken: timeout.Token);
                Assert.False(local.Allowed);
                Assert.True(local.DecidedLocally);

                // With the agent's own key: a copy of the token without it is refused before its session is even looked at.
                var key = Agents.SessionKeys.KeyOf(server, agent.SessionId);
                var grpc = await LiveCalls.AuthorizeAsync(server, LiveTransport.Grpc, oldToken, "read", "records", timeout.Token, key);
                Assert.True(grpc is { Refused: true, Status: "Unauthenticated", Reason: RtaRevocationReasons.SessionRevoked }, grpc.ToString());
                var json = await LiveCalls.AuthorizeAsync(server, LiveTransport.Json, oldToken, "read", "records", timeout.Token, key);
                Assert.True(json is { Refused: true, Status: "401", Reason: RtaRevocationReasons.SessionRevoked }, json.ToString());
                // A genuine token of a revoked session may still open a stream, which delivers the revocation and ends.
                var (first, refusal) = await LiveCalls.OpenStreamAsync(server, oldToken, timeout.Token, key);
                Assert.Null(refusal);
                Assert.Equal(ServerMessage.KindOneofCase.Revocation, first?.KindCase);
            }

            await Assert.ThrowsAsync<InvalidOperationException>(
                () => copilot.CreateChildAsync(Agents.Identity("too-late"), ["records:read"], timeout.Token));
        }
        finally
        {
            foreach (var probe in probes)
            {
                probe.Dispose();
            }

            foreach (var agent in agents)
            {
                await agent.DisposeAsync().AsTask().WaitAsync(TestTimeouts.Push, CancellationToken.None);
            }
        }
    }
}
