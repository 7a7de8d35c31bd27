using RealTimeAuth.Server.Tests.AuthZen;
using RealTimeAuth.Server.Tests.Live;
using RealTimeAuth.Testing;

namespace RealTimeAuth.Server.Tests.Decisions;

[Collection(InfrastructureCollection.Name)]
[Trait("Tier", "Functional")]
public sealed class ActivePolicyLoaderTests(InfrastructureFixture infrastructure)
{
    [Fact]
    public async Task Start_WithInvalidPolicyFile_FailsNamingRuleAndPosition()
    {
        var file = Path.Combine(Path.GetTempPath(), $"rta-bad-{Guid.NewGuid():N}.policy.json");
        await File.WriteAllTextAsync(file, """
            { "schema": "rta.policy/v1", "rules": [
              { "id": "typo-rule", "effect": "allow", "actions": ["read"], "resources": [{ "type": "docs" }],
                "condition": "subject.rolez == 'x'" } ] }
            """);
        try
        {
            var failure = await Assert.ThrowsAnyAsync<Exception>(() => LiveServer.StartAsync(infrastructure, "pdp_bad_policy", AuthZenServer.Settings(file)));

            var message = string.Join(" | ", Chain(failure).Select(e => e.Message));
            Assert.Contains("Policies:File", message, StringComparison.Ordinal);
            Assert.Contains("rule 'typo-rule'", message, StringComparison.Ordinal);
            Assert.Contains("(1:", message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task Start_WithInvalidResourceDirectoryFile_FailsNamingKeyAndField()
    {
        var file = Path.Combine(Path.GetTempPath(), $"rta-bad-{Guid.NewGuid():N}.resources.json");
        await File.WriteAllTextAsync(file, """{ "schema": "rta.resources/v1", "resources": [ { "type": "records", "id": "" } ] }""");
        try
        {
            var settings = AuthZenServer.Settings(PolicyFiles.TodoPolicy);
            settings["Policies:ResourceDirectoryFile"] = file;

            var failure = await Assert.ThrowsAnyAsync<Exception>(() => LiveServer.StartAsync(infrastructure, "pdp_bad_resources", settings));

            var message = string.Join(" | ", Chain(failure).Select(e => e.Message));
            Assert.Contains("Policies:ResourceDirectoryFile", message, StringComparison.Ordinal);
            Assert.Contains("resources[0].id", message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static IEnumerable<Exception> Chain(Exception exception)
    {
        for (Exception? current = exception; current is not null; current = current.InnerException)
        {
            yield return current;
        }
    }
}
