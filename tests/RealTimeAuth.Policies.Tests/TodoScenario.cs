using System.Text.Json;
using RealTimeAuth.Policies.Files;
using RealTimeAuth.Policies.Schema;
using RealTimeAuth.Policies.Subjects;

using RealTimeAuth.Testing;

namespace RealTimeAuth.Policies.Tests;

/// <summary>
/// The Todo policy and directory loaded from the repository as an admin would load them, and the AuthZEN
/// interop cases. <c>tests/conformance/authzen/todo-decisions.json</c> is a byte-for-byte copy of the OpenID AuthZEN
/// working group's file (openid/authzen, interop/authzen-todo-backend/test/decisions-authorization-api-1_0-02.json).
/// </summary>
internal static class TodoScenario
{
    private static readonly Lazy<CompiledPolicySet> LazyPolicy = new(() =>
    {
        var compilation = PolicyFile.Load(RepositoryFiles.Read("policies/todo.policy.json"), AttributeSchema.Default, "todo-1");
        Assert.True(compilation.Succeeded, string.Join("\n", compilation.Diagnostics));
        return compilation.PolicySet;
    });

    private static readonly Lazy<SubjectDirectory> LazyDirectory = new(() =>
    {
        var import = SubjectDirectoryFile.Import(RepositoryFiles.Read("policies/todo.directory.json"));
        Assert.True(import.Succeeded, string.Join("\n", import.Diagnostics));
        return import.Directory;
    });

    private static readonly Lazy<JsonElement> LazyCases = new(() =>
        JsonDocument.Parse(File.ReadAllText(RepositoryFiles.Conformance("authzen", "todo-decisions.json"))).RootElement);

    public static CompiledPolicySet Policy => LazyPolicy.Value;

    public static SubjectDirectory Directory => LazyDirectory.Value;

    public static JsonElement SingleCases => LazyCases.Value.GetProperty("evaluation");

    public static JsonElement BatchCases => LazyCases.Value.GetProperty("evaluations");

    /// <summary>An AuthZEN request as a decision request: the subject enriched from the directory by type and id.</summary>
    public static DecisionRequest ToRequest(JsonElement subject, JsonElement action, JsonElement resource, JsonElement? context) => new()
    {
        Subject = Directory.Resolve(subject.GetProperty("type").GetString()!, subject.GetProperty("id").GetString()!),
        Action = action.GetProperty("name").GetString()!,
        Resource = new PolicyResource
        {
            Type = resource.GetProperty("type").GetString()!,
            Id = resource.GetProperty("id").GetString(),
            Properties = resource.TryGetProperty("properties", out var properties) ? PropertyBag.FromJson(properties) : null,
        },
        RequestContext = context is { } value ? PropertyBag.FromJson(value) : null,
    };
}
