using RealTimeAuth.IntegrationTests.Infrastructure;
using RealTimeAuth.Protocol.Live;
using RealTimeAuth.Sdk;
using RealTimeAuth.Testing;
using RealTimeAuth.Testing.Hosting;
using Xunit.Abstractions;

namespace RealTimeAuth.IntegrationTests.Policies;

/// <summary>
/// Continuous evaluation end to end through the SDK: agents stream from a real replica, an admin publishes a version
/// that removes a permission, and the change arrives on their streams: a refreshed token (and denies) for a session
/// that keeps something, a revocation for one left with nothing. What-if predicts both before publishing.
/// </summary>
[Collection(InfrastructureCollection.Name)]
[Trait("Tier", "Functional")]
public sealed class PolicyReevaluationTests(InfrastructureFixture infrastructure, DevIdpFixture idp, ITestOutputHelper output)
{
    [Fact]
    public async Task PublishingVersionThatRemovesWrite_WriterGetsRefreshedTokenAndDenies_ThenLosingEverythingRevokes()
    {
        using var timeout = TestTimeouts.Start();
        await using var cluster = await ServerCluster.CreateAsync(infrastructure, idp, "policy_reeval");
        var server = await cluster.StartReplicaAsync();
        var admin = await idp.AdminAccessTokenAsync(timeout.Token);
        await PolicyAdminCalls.PublishNewAsync(server, admin, TestPolicies.ReadWrite, "baseline", timeout.Token);
        using var factory = Agents.CopilotFactory(cluster, server);
        await using var copilot = await factory.ConnectAsync(
            new RtaSessionRequest
            {
                SubjectToken = await idp.UserAccessTokenAsync(timeout.Token),
                Scopes = ["records:read", "records:write", "todos:read"],
                Agent = Agents.Identity("copilot", "copilot"),
            },
            timeout.Token);
        await using var writer = await copilot.CreateChildAsync(Agents.Identity("writer", "data-writer"), ["records:read", "records:write"], timeout.Token);
        await using var reader = await copilot.CreateChildAsync(Agents.Identity("reader", "data-reader"), ["records:read"], timeout.Token);
        using var writerProbe = new AgentProbe(writer);
        using var readerProbe = new AgentProbe(reader);
        await writerProbe.WaitForStateAsync(RtaConnectionState.Connected, TestTimeouts.Push);
        await readerProbe.WaitForStateAsync(RtaConnectionState.Connected, TestTimeouts.Push);
        Assert.True((await writer.AuthorizeAsync("write", "records", "rec-1", cancellationToken: timeout.Token)).Allowed);
        var writerToken = writer.CurrentToken;

        var tightened = await PolicyAdminCalls.CreateDraftVersionAsync(server, admin, TestPolicies.NoWriterWrites, timeout.Token);
        var (_, whatIf) = await PolicyAdminCalls.SendAsync(server, admin, HttpMethod.Post, $"admin/v1/policies/{tightened}/what-if", null, timeout.Token);
        output.WriteLine($"what-if: {whatIf}");
        var predicted = Assert.Single(whatIf.GetProperty("sessions").EnumerateArray());
        Assert.Equal(writer.SessionId, predicted.GetProperty("sessionId").GetString());
        Assert.Equal("narrow", predicted.GetProperty("outcome").GetString());
        Assert.Equal(["records:read", "records:write"], predicted.GetProperty("before").EnumerateArray().Select(p => p.GetString()));
        Assert.Equal(["records:read"], predicted.GetProperty("after").EnumerateArray().Select(p => p.GetString()));
        var flip = Assert.Single(whatIf.GetProperty("decisions").EnumerateArray());
        Assert.Equal("write", flip.GetProperty("action").GetString());
        Assert.True(flip.GetProperty("before").GetBoolean());
        Assert.False(flip.GetProperty("after").GetBoolean());
        Assert.Equal(3, whatIf.GetProperty("sessionsEvaluated").GetInt32());

        var published = await PolicyAdminCalls.PublishVersionAsync(server, admin, tightened, "writers may not write records", timeout.Token);

        Assert.Equal(1, published.GetProperty("sessionsRefreshed").GetInt32());
        Assert.Equal(0, published.GetProperty("sessionsRevoked").GetInt32());
        await writerProbe.WaitForRefreshAsync(RtaRefreshReasons.ContextChanged, TestTimeouts.Push);
        Assert.NotEqual(writerToken, writer.CurrentToken);
        var denied = await writer.AuthorizeAsync("write", "records", "rec-1", cancellationToken: timeout.Token);
        Assert.False(denied.Allowed);
        Assert.Equal("denied-by-rule", denied.Reason);
        Assert.Equal(tightened.ToString(System.Globalization.CultureInfo.InvariantCulture), denied.PolicyVersion);
        Assert.True((await writer.AuthorizeAsync("read", "records", "rec-1", cancellationToken: timeout.Token)).Allowed);
        Assert.True((await reader.AuthorizeAsync("read", "records", "rec-1", cancellationToken: timeout.Token)).Allowed);
        Assert.DoesNotContain(readerProbe.Refreshes, refresh => refresh.Reason == RtaRefreshReasons.ContextChanged);

        var todosOnly = await PolicyAdminCalls.CreateDraftVersionAsync(server, admin, TestPolicies.TodosOnly, timeout.Token);
        var revoking = await PolicyAdminCalls.PublishVersionAsync(server, admin, todosOnly, "records closed", timeout.Token);

        Assert.Equal(2, revoking.GetProperty("sessionsRevoked").GetInt32());
        Assert.Equal(1, revoking.GetProperty("sessionsRefreshed").GetInt32());
        foreach (var probe in new[] { writerProbe, readerProbe })
        {
            var revoked = await probe.Revoked.WaitAsync(TestTimeouts.Push, timeout.Token);
            Assert.True(revoked.Pushed);
            Assert.Equal(RtaRevocationReasons.PolicyRevoked, revoked.Reason);
        }

        Assert.Equal(RtaConnectionState.Connected, copilot.State);
        Assert.True((await copilot.AuthorizeAsync("read", "todos", "todo-1", cancellationToken: timeout.Token)).Allowed);
    }
}
