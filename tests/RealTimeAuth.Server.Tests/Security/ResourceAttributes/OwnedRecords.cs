using RealTimeAuth.Server.Tests.AuthZen;

namespace RealTimeAuth.Server.Tests.Security.ResourceAttributes;

/// <summary>
/// Settings (and the temporary files behind them) for a server whose policy lets a user write only the records it owns,
/// and whose resource directory says who owns what: <see cref="Mine"/> belongs to the test sessions' user
/// (<c>alice</c>), <see cref="Theirs"/> to <c>bob</c>. The PEP API key of <see cref="AuthZenServer"/> is configured.
/// </summary>
internal sealed class OwnedRecords : IDisposable
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

    private OwnedRecords(string directory, Dictionary<string, string> settings)
    {
        _directory = directory;
        Settings = settings;
    }

    public IReadOnlyDictionary<string, string> Settings { get; }

    public static async Task<OwnedRecords> WriteAsync()
    {
        var directory = Directory.CreateTempSubdirectory("rta-owned-records-").FullName;
        var policy = Path.Combine(directory, "owned.policy.json");
        var resources = Path.Combine(directory, "owned.resources.json");
        await File.WriteAllTextAsync(policy, Policy);
        await File.WriteAllTextAsync(resources, Resources);
        var settings = AuthZenServer.Settings(policy);
        settings["Policies:ResourceDirectoryFile"] = resources;
        return new OwnedRecords(directory, settings);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
