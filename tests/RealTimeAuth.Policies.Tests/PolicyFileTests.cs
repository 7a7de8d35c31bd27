using RealTimeAuth.Policies.Files;
using RealTimeAuth.Policies.Schema;

using RealTimeAuth.Testing;

namespace RealTimeAuth.Policies.Tests;

/// <summary>The JSON policy file format: strict reading with positions, writing that reads back.</summary>
public sealed class PolicyFileTests
{
    private const string Minimal = """
        {
          "schema": "rta.policy/v1",
          "rules": [
            { "id": "r", "effect": "allow", "actions": ["read"], "resources": [{ "type": "document" }] }
          ]
        }
        """;

    [Fact]
    public void Read_MinimalFile_Succeeds()
    {
        var file = PolicyFile.Read(Minimal);

        Assert.True(file.Succeeded, string.Join("; ", file.Diagnostics));
        Assert.Equal("r", Assert.Single(file.Document.Rules).Id);
    }

    [Fact]
    public void Read_CommentsAndTrailingCommas_Accepted()
    {
        var json = """
            {
              // the set
              "schema": "rta.policy/v1",
              "rules": [
                { "id": "r", "effect": "allow", "actions": ["read",], "resources": [{ "type": "document" }], },
              ],
            }
            """;

        Assert.True(PolicyFile.Read(json).Succeeded);
    }

    [Theory]
    [InlineData("\"conditon\": \"true\",", "conditon")]
    [InlineData("\"id\": \"again\",", "id")]
    [InlineData("\"Effect\": \"deny\",", "Effect")]
    public void Read_UnknownOrDuplicateMember_RejectedWithPosition(string member, string name)
    {
        var json = Minimal.Replace("{ \"id\": \"r\",", "{ \"id\": \"r\",\n      " + member, StringComparison.Ordinal);

        var diagnostic = Assert.Single(PolicyFile.Read(json).Diagnostics);

        Assert.Equal((PolicyDiagnosticCodes.InvalidJson, 5), (diagnostic.Code, diagnostic.Line));
        Assert.Contains(name, diagnostic.Message, StringComparison.Ordinal);
        Assert.True(diagnostic.Column > 1);
    }

    [Theory]
    [InlineData("\"effect\": \"allow\", ", "effect")]
    [InlineData("\"actions\": [\"read\"], ", "actions")]
    public void Read_MissingRequiredMember_Rejected(string member, string name)
    {
        var diagnostic = Assert.Single(PolicyFile.Read(Minimal.Replace(member, string.Empty, StringComparison.Ordinal)).Diagnostics);

        Assert.Equal(PolicyDiagnosticCodes.InvalidJson, diagnostic.Code);
        Assert.Contains(name, diagnostic.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{ \"schema\": \"rta.policy/v1\", \"rules\": null }", 1)]
    [InlineData("{ \"schema\": \"rta.policy/v1\",\n  \"rules\": [ { \"id\": 5 } ] }", 2)]
    [InlineData("{ \"schema\": \"rta.policy/v1\",\n\n  \"rules\": [ ", 3)]
    [InlineData("null", 1)]
    [InlineData("", 1)]
    public void Read_MalformedJson_RejectedWithLine(string json, int line)
    {
        var diagnostic = Assert.Single(PolicyFile.Read(json).Diagnostics);

        Assert.Equal((PolicyDiagnosticCodes.InvalidJson, line), (diagnostic.Code, diagnostic.Line));
    }

    [Fact]
    public void Load_ConditionErrorInFile_ReportsRuleAndConditionPosition()
    {
        var json = Minimal.Replace("\"effect\": \"allow\",", "\"effect\": \"allow\", \"condition\": \"subject.roles == 3\",", StringComparison.Ordinal);

        var compilation = PolicyFile.Load(json, AttributeSchema.Default, "7");

        var diagnostic = Assert.Single(compilation.Diagnostics);
        Assert.Equal(("r", PolicyDiagnosticCodes.TypeMismatch, 1, 15), (diagnostic.RuleId, diagnostic.Code, diagnostic.Line, diagnostic.Column));
    }

    [Fact]
    public void Write_TodoPolicy_ReadsBackToTheSameFile()
    {
        var original = PolicyFile.Read(RepositoryFiles.Read("policies/todo.policy.json")).Document!;

        var written = PolicyFile.Write(original);
        var reread = PolicyFile.Read(written);

        Assert.True(reread.Succeeded);
        Assert.Equal(written, PolicyFile.Write(reread.Document));
        Assert.Equal(original.Rules.Select(r => (r.Id, r.Condition)), reread.Document.Rules.Select(r => (r.Id, r.Condition)));
        Assert.DoesNotContain("null", written, StringComparison.Ordinal);
    }
}
