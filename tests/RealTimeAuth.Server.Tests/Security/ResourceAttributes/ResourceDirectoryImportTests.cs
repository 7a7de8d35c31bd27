using Microsoft.Extensions.DependencyInjection;
using RealTimeAuth.Policies;
using RealTimeAuth.Protocol.Grpc;
using RealTimeAuth.Server.Authorization.Pdp;
using RealTimeAuth.Server.Authorization.Store;
using RealTimeAuth.Server.Tests.Live;
using RealTimeAuth.Testing;

namespace RealTimeAuth.Server.Tests.Security.ResourceAttributes;

/// <summary>
/// The resource directory is the owner the live channel trusts, so changing it is an admin's act: an import is stored,
/// logged and replicated like a subject directory import, and an invalid one changes nothing.
/// </summary>
[Collection(InfrastructureCollection.Name)]
[Trait("Tier", "Functional")]
public sealed class ResourceDirectoryImportTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task Import_OnOneReplica_ChangesTheOwnerTheOtherTrusts_InvalidImportChangesNothing()
    {
        using var records = await OwnedRecords.WriteAsync();
        var (first, second) = await LiveServer.StartPairAsync(infrastructure, "res_import_pair", records.Settings);
        await using var one = first;
        await using var two = second;
        var agent = await two.CreateSessionAsync(["records:*"]);
        Assert.False((await WriteAsync(two, agent, OwnedRecords.Theirs)).Decision);

        var invalid = await ImportAsync(one, """{ "schema": "rta.resources/v1", "resources": [ { "type": "records" } ] }""");
        var valid = await ImportAsync(one, $$"""
            { "schema": "rta.resources/v1", "resources": [ { "type": "records", "id": "{{OwnedRecords.Theirs}}", "properties": { "owner": "{{OwnedRecords.User}}" } } ] }
            """);

        Assert.False(invalid.Succeeded);
        Assert.Equal(PolicyDiagnosticCodes.InvalidJson, invalid.Diagnostics[0].Code);
        Assert.True(valid.Succeeded, string.Join("; ", valid.Diagnostics));
        Assert.True(await LiveServer.EventuallyAsync(() =>
            two.Service<ActivePolicy>().Current?.Resources.PropertiesOf("records", OwnedRecords.Theirs).GetValueOrDefault("owner") == OwnedRecords.User));
        var nowMine = await WriteAsync(two, agent, OwnedRecords.Theirs);
        var formerlyMine = await WriteAsync(two, agent, OwnedRecords.Mine);
        Assert.True(nowMine.Decision);
        Assert.Equal(DecisionReasons.Allowed, nowMine.Reason);
        Assert.False(formerlyMine.Decision);
    }

    private static async Task<Policies.Resources.ResourceDirectoryImport> ImportAsync(LiveServer server, string json)
    {
        await using var scope = server.Factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ResourceDirectoryStore>()
            .ImportAsync(json, "test", "admin@test", CancellationToken.None).WaitAsync(LiveServer.Timeout);
    }

    private static async Task<AuthorizeResponse> WriteAsync(LiveServer server, TestAgentSession agent, string id) =>
        await server.Client.AuthorizeAsync(
            new AuthorizeRequest { Action = "write", Resource = new Resource { Type = "records", Id = id } },
            agent.GrpcHeaders(server.AuthorizeRpcUri), deadline: DateTime.UtcNow + LiveServer.Timeout);
}
