using RealTimeAuth.Policies.Subjects;

using RealTimeAuth.Testing;

namespace RealTimeAuth.Policies.Tests;

public sealed class SubjectDirectoryTests
{
    private const string Rick = "CiRmZDA2MTRkMy1jMzlhLTQ3ODEtYjdiZC04Yjk2ZjVhNTEwMGQSBWxvY2Fs";

    [Fact]
    public void Import_TodoDirectory_HasTheFiveUsers()
    {
        var import = SubjectDirectoryFile.Import(RepositoryFiles.Read("policies/todo.directory.json"));

        Assert.True(import.Succeeded, string.Join("; ", import.Diagnostics));
        Assert.Equal(5, import.Directory.Count);
        Assert.True(import.Directory.TryGet("user", Rick, out var rick));
        Assert.Equal("rick@the-citadel.com", rick.Email);
        Assert.Equal(["admin", "evil_genius"], [.. rick.Roles]);
    }

    [Fact]
    public void Resolve_UnknownSubject_GivesBareSubject()
    {
        var subject = SubjectDirectory.Empty.Resolve("user", "nobody");

        Assert.Equal(("user", "nobody", null, 0), (subject.Type, subject.Id, subject.Email, subject.Roles.Length));
    }

    [Fact]
    public void TryGet_WrongType_NotFound()
    {
        var directory = SubjectDirectoryFile.Import(RepositoryFiles.Read("policies/todo.directory.json")).Directory!;

        Assert.False(directory.TryGet("service", Rick, out _));
    }

    [Fact]
    public void Import_InvalidEntries_ReportsEach()
    {
        var json = """
            {
              "schema": "rta.directory/v1",
              "subjects": [
                { "id": "a", "riskLevel": "severe" },
                { "id": "" },
                { "id": "b", "roles": [""] },
                { "id": "a" }
              ]
            }
            """;

        var import = SubjectDirectoryFile.Import(json);

        Assert.False(import.Succeeded);
        Assert.Equal(
            [
                (PolicyDiagnosticCodes.InvalidSubject, "subjects[0].riskLevel"),
                (PolicyDiagnosticCodes.InvalidSubject, "subjects[1].id"),
                (PolicyDiagnosticCodes.InvalidSubject, "subjects[2].roles[0]"),
                (PolicyDiagnosticCodes.DuplicateSubject, "subjects[3].id"),
            ],
            import.Diagnostics.Select(d => (d.Code, d.Field)));
    }

    [Fact]
    public void Import_UnknownMember_RejectedAsInvalidJson()
    {
        var json = """{ "schema": "rta.directory/v1", "subjects": [ { "id": "a", "role": ["admin"] } ] }""";

        Assert.Equal(PolicyDiagnosticCodes.InvalidJson, Assert.Single(SubjectDirectoryFile.Import(json).Diagnostics).Code);
    }

    [Fact]
    public void Write_Directory_ImportsBackEqual()
    {
        var directory = SubjectDirectory.Create(
        [
            new PolicySubject { Type = "user", Id = "u1", Email = "u1@example.com", Roles = ["a"], Attributes = TestRequests.Map(("k", "v")), RiskLevel = "high", AssuranceLevel = 3, DeviceCompliant = false },
            new PolicySubject { Type = "service", Id = "s1" },
        ]);

        var reimported = SubjectDirectoryFile.Import(SubjectDirectoryFile.Write(directory)).Directory!;

        Assert.True(reimported.TryGet("user", "u1", out var u1));
        Assert.Equal(("u1@example.com", "a", "v", "high", 3L, false), (u1.Email, u1.Roles.Single(), u1.Attributes["k"], u1.RiskLevel, u1.AssuranceLevel, u1.DeviceCompliant));
        Assert.True(reimported.TryGet("service", "s1", out _));
    }

    [Fact]
    public void With_ExistingSubject_ReplacesIt()
    {
        var directory = SubjectDirectory.Create([new PolicySubject { Type = "user", Id = "u", Roles = ["old"] }]);

        var updated = directory.With(new PolicySubject { Type = "user", Id = "u", Roles = ["new"] });

        Assert.Equal(["new"], [.. updated.Resolve("user", "u").Roles]);
        Assert.Equal(["old"], [.. directory.Resolve("user", "u").Roles]);
        Assert.Equal(1, updated.Count);
    }

    [Fact]
    public void Create_DuplicateSubjects_Throws() =>
        Assert.Throws<ArgumentException>(() => SubjectDirectory.Create(
            [new PolicySubject { Type = "user", Id = "u" }, new PolicySubject { Type = "user", Id = "u" }]));

    [Fact]
    public void Import_SameIdAtTwoIssuers_KeepsBothAndWritesThemBack()
    {
        const string json = """
            { "schema": "rta.directory/v1", "subjects": [
              { "id": "42", "issuer": "https://idp-a.example.com/", "roles": ["admin"] },
              { "id": "42", "issuer": "https://idp-b.example.com", "roles": ["viewer"] },
              { "id": "42", "roles": ["guest"] } ] }
            """;

        var import = SubjectDirectoryFile.Import(json);

        Assert.True(import.Succeeded, string.Join("; ", import.Diagnostics.Select(d => d.Message)));
        Assert.True(import.Directory.TryGet("user", "42", "https://idp-a.example.com", out var a));
        Assert.Equal(["admin"], a.Roles.ToArray());
        Assert.True(import.Directory.TryGet("user", "42", "https://idp-c.example.com", out var other));
        Assert.Equal(["guest"], other.Roles.ToArray());
        var again = SubjectDirectoryFile.Import(SubjectDirectoryFile.Write(import.Directory));
        Assert.True(again.Succeeded);
        Assert.Equal(3, again.Directory.Count);
    }

    [Theory]
    [InlineData("""{ "id": "42", "issuer": "https://idp-a.example.com" }, { "id": "42", "issuer": "https://idp-a.example.com/" }""", "appears more than once")]
    [InlineData("""{ "id": "42", "issuer": "not a url" }""", "issuer must be an absolute URL")]
    public void Import_BadIssuer_ReportsIt(string entries, string message)
    {
        var import = SubjectDirectoryFile.Import($$"""{ "schema": "rta.directory/v1", "subjects": [ {{entries}} ] }""");

        Assert.False(import.Succeeded);
        Assert.Contains(import.Diagnostics, diagnostic => diagnostic.Message.Contains(message, StringComparison.Ordinal));
    }
}
