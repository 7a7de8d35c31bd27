using RealTimeAuth.Policies.Resources;
using RealTimeAuth.Testing;

namespace RealTimeAuth.Policies.Tests;

public sealed class ResourceDirectoryTests
{
    [Fact]
    public void Import_ShippedDirectory_KnowsTodoOwners()
    {
        var import = ResourceDirectoryFile.Import(RepositoryFiles.Read("policies/resources.directory.json"));

        Assert.True(import.Succeeded, string.Join("; ", import.Diagnostics));
        Assert.Equal("morty@the-citadel.com", import.Directory.PropertiesOf("todo", "todo-morty-homework")["ownerID"]);
        Assert.Empty(import.Directory.PropertiesOf("todo", "todo-unknown"));
        Assert.Empty(import.Directory.PropertiesOf("records", "todo-morty-homework"));
        Assert.Empty(import.Directory.PropertiesOf("todo", null));
    }

    [Fact]
    public void Import_InvalidEntries_ReportsEachAndImportsNothing()
    {
        var json = $$"""
            {
              "schema": "rta.resources/v1",
              "resources": [
                { "type": "", "id": "a" },
                { "type": "records", "id": "{{new string('x', PolicyLimits.MaxResourceIdLength + 1)}}" },
                { "type": "records", "id": "b", "properties": { "owner": "{{new string('o', PolicyLimits.MaxPropertyValueLength + 1)}}" } },
                { "type": "records", "id": "c" },
                { "type": "records", "id": "c" }
              ]
            }
            """;

        var import = ResourceDirectoryFile.Import(json);

        Assert.False(import.Succeeded);
        Assert.Equal(
            [
                (PolicyDiagnosticCodes.InvalidResource, "resources[0].type"),
                (PolicyDiagnosticCodes.InvalidResource, "resources[1].id"),
                (PolicyDiagnosticCodes.InvalidResource, "resources[2].properties.owner"),
                (PolicyDiagnosticCodes.DuplicateResource, "resources[4].id"),
            ],
            import.Diagnostics.Select(d => (d.Code, d.Field)));
    }

    [Theory]
    [InlineData("""{ "schema": "rta.directory/v1", "resources": [] }""", PolicyDiagnosticCodes.UnsupportedSchema)]
    [InlineData("""{ "schema": "rta.resources/v1", "resources": [ { "type": "t", "id": "i", "owner": "x" } ] }""", PolicyDiagnosticCodes.InvalidJson)]
    [InlineData("""{ "schema": "rta.resources/v1" }""", PolicyDiagnosticCodes.InvalidJson)]
    public void Import_WrongSchemaOrShape_IsRejected(string json, string code)
    {
        var import = ResourceDirectoryFile.Import(json);

        Assert.False(import.Succeeded);
        Assert.Equal(code, import.Diagnostics[0].Code);
    }

    [Fact]
    public void Write_ThenImport_GivesTheSameEntries()
    {
        var directory = ResourceDirectoryFile.Import(RepositoryFiles.Read("policies/resources.directory.json")).Directory!;

        var again = ResourceDirectoryFile.Import(ResourceDirectoryFile.Write(directory));

        Assert.True(again.Succeeded, string.Join("; ", again.Diagnostics));
        Assert.Equal(
            directory.Resources.Select(r => (r.Type, r.Id, r.Properties["ownerID"])).Order(),
            again.Directory.Resources.Select(r => (r.Type, r.Id, r.Properties["ownerID"])).Order());
    }

    [Fact]
    public void Conditions_ReadAssertedAndTrustedPropertiesApart()
    {
        var trusted = TestRequests.Request(properties: TestRequests.Map(("owner", "bob")));
        var request = trusted with { Resource = trusted.Resource with { AssertedProperties = TestRequests.Map(("owner", "alice")) } };

        Assert.Equal(false, Conditions.Evaluate("resource.properties.owner == subject.id", request));
        Assert.Equal(true, Conditions.Evaluate("resource.asserted.owner == subject.id", request));
        Assert.Null(Conditions.Evaluate("resource.asserted.stage == 'draft'", request));
        Assert.Equal(false, Conditions.Evaluate("has(resource.asserted.owner)", TestRequests.Request()));
    }
}
