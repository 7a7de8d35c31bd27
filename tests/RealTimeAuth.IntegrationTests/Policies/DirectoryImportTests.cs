using System.Net;
using RealTimeAuth.IntegrationTests.Infrastructure;
using RealTimeAuth.Protocol.Live;
using RealTimeAuth.Sdk;
using RealTimeAuth.Testing;
using RealTimeAuth.Testing.Hosting;

namespace RealTimeAuth.IntegrationTests.Policies;

/// <summary>The subject directory through the admin API: validated imports, export, and live sessions re-evaluated when roles change.</summary>
[Collection(InfrastructureCollection.Name)]
[Trait("Tier", "Functional")]
public sealed class DirectoryImportTests(InfrastructureFixture infrastructure, DevIdpFixture idp)
{
    [Fact]
    public async Task ImportingDirectoryThatGrantsEditor_WidensTheLiveSession_InvalidImportChangesNothing()
    {
        using var timeout = TestTimeouts.Start();
        await using var cluster = await ServerCluster.CreateAsync(infrastructure, idp, "policy_directory");
        var server = await cluster.StartReplicaAsync();
        var admin = await idp.AdminAccessTokenAsync(timeout.Token);
        await PolicyAdminCalls.PublishNewAsync(server, admin, TestPolicies.EditorsWrite, "editors only", timeout.Token);
        using var factory = Agents.CopilotFactory(cluster, server);
        await using var copilot = await factory.ConnectAsync(
            new RtaSessionRequest { SubjectToken = await idp.UserAccessTokenAsync(timeout.Token), Scopes = ["records:read", "records:write"] },
            timeout.Token);
        using var probe = new AgentProbe(copilot);
        await probe.WaitForStateAsync(RtaConnectionState.Connected, TestTimeouts.Push);
        Assert.False((await copilot.AuthorizeAsync("write", "records", "rec-1", cancellationToken: timeout.Token)).Allowed);

        var (invalidStatus, invalid) = await PolicyAdminCalls.SendAsync(server, admin, HttpMethod.Put, "admin/v1/directory",
            """{ "schema": "rta.directory/v1", "subjects": [ { "id": "a", "riskLevel": "extreme" } ] }""", timeout.Token);
        var (auditorStatus, _) = await PolicyAdminCalls.SendAsync(server, await idp.AdminAccessTokenAsync(timeout.Token, "auditor@realtimeauth.dev"),
            HttpMethod.Put, "admin/v1/directory", """{ "schema": "rta.directory/v1", "subjects": [] }""", timeout.Token);
        var directory = $$"""{ "schema": "rta.directory/v1", "subjects": [ { "id": "{{DemoAccounts.RickSubject}}", "roles": ["editor"] } ] }""";
        var (status, imported) = await PolicyAdminCalls.SendAsync(server, admin, HttpMethod.Put, "admin/v1/directory", directory, timeout.Token);

        Assert.Equal(HttpStatusCode.BadRequest, invalidStatus);
        Assert.Equal("subjects[0].riskLevel", invalid.GetProperty("diagnostics")[0].GetProperty("field").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, auditorStatus);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(1, imported.GetProperty("subjects").GetInt32());
        await probe.WaitForRefreshAsync(RtaRefreshReasons.ContextChanged, TestTimeouts.Push);
        Assert.True((await copilot.AuthorizeAsync("write", "records", "rec-1", cancellationToken: timeout.Token)).Allowed);
        var (_, exported) = await PolicyAdminCalls.GetAsync(server, admin, "admin/v1/directory", timeout.Token);
        Assert.Equal("editor", exported.GetProperty("subjects")[0].GetProperty("roles")[0].GetString());
    }
}
