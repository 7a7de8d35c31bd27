using System.Net;
using RealTimeAuth.IntegrationTests.Infrastructure;
using RealTimeAuth.Sdk;
using RealTimeAuth.Testing;
using RealTimeAuth.Testing.Hosting;

namespace RealTimeAuth.IntegrationTests.Policies;

/// <summary>The resource directory through the admin API: validated imports by admins only, export, and the owner it names trusted by live decisions.</summary>
[Collection(InfrastructureCollection.Name)]
[Trait("Tier", "Functional")]
public sealed class ResourceDirectoryImportTests(InfrastructureFixture infrastructure, DevIdpFixture idp)
{
    [Fact]
    public async Task ImportingTheRecordsOwner_LetsTheOwnersAgentWrite_InvalidOrUnauthorizedImportChangesNothing()
    {
        using var timeout = TestTimeouts.Start();
        await using var cluster = await ServerCluster.CreateAsync(infrastructure, idp, "policy_resources");
        var server = await cluster.StartReplicaAsync();
        var admin = await idp.AdminAccessTokenAsync(timeout.Token);
        await PolicyAdminCalls.PublishNewAsync(server, admin, TestPolicies.OwnersWrite, "owners only", timeout.Token);
        using var factory = Agents.CopilotFactory(cluster, server);
        await using var copilot = await factory.ConnectAsync(
            new RtaSessionRequest { SubjectToken = await idp.UserAccessTokenAsync(timeout.Token), Scopes = ["records:write"] },
            timeout.Token);
        using var probe = new AgentProbe(copilot);
        await probe.WaitForStateAsync(RtaConnectionState.Connected, TestTimeouts.Push);
        Assert.False((await copilot.AuthorizeAsync("write", "records", "rec-1", cancellationToken: timeout.Token)).Allowed);

        var (invalidStatus, invalid) = await PolicyAdminCalls.SendAsync(server, admin, HttpMethod.Put, "admin/v1/resources",
            """{ "schema": "rta.resources/v1", "resources": [ { "type": "records", "id": "" } ] }""", timeout.Token);
        var (auditorStatus, _) = await PolicyAdminCalls.SendAsync(server, await idp.AdminAccessTokenAsync(timeout.Token, "auditor@realtimeauth.dev"),
            HttpMethod.Put, "admin/v1/resources", """{ "schema": "rta.resources/v1", "resources": [] }""", timeout.Token);
        var (anonymousStatus, _) = await PolicyAdminCalls.GetAsync(server, null, "admin/v1/resources", timeout.Token);
        Assert.False((await copilot.AuthorizeAsync("write", "records", "rec-1", cancellationToken: timeout.Token)).Allowed);

        var resources = $$"""{ "schema": "rta.resources/v1", "resources": [ { "type": "records", "id": "rec-1", "properties": { "owner": "{{DemoAccounts.RickSubject}}" } } ] }""";
        var (status, imported) = await PolicyAdminCalls.SendAsync(server, admin, HttpMethod.Put, "admin/v1/resources", resources, timeout.Token);
        var (_, exported) = await PolicyAdminCalls.GetAsync(server, admin, "admin/v1/resources", timeout.Token);

        Assert.Equal(HttpStatusCode.BadRequest, invalidStatus);
        Assert.Equal("resources[0].id", invalid.GetProperty("diagnostics")[0].GetProperty("field").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, auditorStatus);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymousStatus);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(1, imported.GetProperty("resources").GetInt32());
        Assert.True((await copilot.AuthorizeAsync("write", "records", "rec-1", cancellationToken: timeout.Token)).Allowed);
        Assert.False((await copilot.AuthorizeAsync("write", "records", "rec-2", cancellationToken: timeout.Token)).Allowed);
        Assert.Equal(DemoAccounts.RickSubject, exported.GetProperty("resources")[0].GetProperty("properties").GetProperty("owner").GetString());
    }
}
