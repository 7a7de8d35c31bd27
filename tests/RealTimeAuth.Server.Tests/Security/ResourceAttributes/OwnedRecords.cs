using RealTimeAuth.Server.Tests.AuthZen;
using RealTimeAuth.Server.Tests.Live;
using RealTimeAuth.Testing;

namespace RealTimeAuth.Server.Tests.Security.ResourceAttributes;

/// <summary>
/// A server whose policy lets a user write only the records it owns, and whose resource directory says who owns what:
/// <see cref="Mine"/> belongs to the test sessions' user (<c>alice</c>), <see cref="Theirs"/> to <c>bob</c>.
/// </summary>
internal sealed class OwnedRecords : IAsyncDisposable
{
    public const string User = "alice";
    public const string Mine = "rec-alice";
    public const string Theirs = "rec-bob";

    private const string Policy = """
        {
          "schema": "rta.policy/v1",
          "name": "owned-records",
          "rules": [
            { "id": "owners-write", "effect": "allow", "actions": ["write"], "resources": [{ "type": "records" }],
              "condition": "has(resource.properties.owner) && resource.properties.owner == subject.id" },
            { "id": "claimed-drafts", "effect": "allow", "actions": ["comment"], "resources": [{ "type": "records" }],
              "condition": "has(resource.asserted.stage) && resource.asserted.stage == 'draft'" }
          ]
        }
        """;

    private const string Resources = $$"""
        {
          "schema": "rta.resources/v1",
          "resources": [
            { "type": "records", "id": "{{Mine}}", "properties": { "owner": "{{User}}" } },
            { "type": "records", "id": "{{Theirs}}", "properties": { "owner": "bob" } }
          ]
        }
        """;

    private readonly string _directory;

    private OwnedRecords(string directory, LiveServer server)
    {
        _directory = directory;
        Server = server;
    }

    public LiveServer Server { get; }

    public static async Task<OwnedRecords> StartAsync(InfrastructureFixture infrastructure, string name)
    {
        var directory = Directory.CreateTempSubdirectory("rta-owned-records-").FullName;
        try
        {
            var policy = Path.Combine(directory, "owned.policy.json");
            var resources = Path.Combine(directory, "owned.resources.json");
            await File.WriteAllTextAsync(policy, Policy);
            await File.WriteAllTextAsync(resources, Resources);
            var settings = AuthZenServer.Settings(policy);
            settings["Policies:ResourceDirectoryFile"] = resources;
            return new OwnedRecords(directory, await LiveServer.StartAsync(infrastructure, name, settings));
        }
        catch
        {
            Directory.Delete(directory, recursive: true);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await Server.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }
}
