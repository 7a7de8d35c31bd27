using System.Reflection;
using NetArchTest.Rules;
using RealTimeAuth.Policies;

namespace RealTimeAuth.Server.Tests.Architecture;

/// <summary>Holds the module layering of docs/architecture.md: a new edge against it fails here.</summary>
public sealed class ModuleLayeringTests
{
    private static readonly Assembly Server = typeof(Program).Assembly;

    public static TheoryData<string> Modules => [.. ServerModules.Allowed.Keys];

    [Theory]
    [MemberData(nameof(Modules))]
    public void Module_UsesOnlyTheModulesBelowIt(string module)
    {
        var forbidden = ServerModules.Allowed.Keys
            .Where(other => other != module && !ServerModules.Allowed[module].Contains(other))
            .Select(ServerModules.Namespace)
            .ToArray();

        var result = ModuleTypes(module).ShouldNot().HaveDependencyOnAny(forbidden).GetResult();

        Assert.True(result.IsSuccessful, $"{module} uses a module it may not: {string.Join(", ", result.FailingTypeNames ?? [])}");
    }

    [Theory]
    [MemberData(nameof(Modules))]
    public void Module_HasTypes_SoItsRuleIsNotVacuous(string module) =>
        Assert.NotEmpty(ModuleTypes(module).GetTypes());

    [Fact]
    public void ServerFolders_AreAllModulesOrTheCompositionRoot()
    {
        var known = ServerModules.Allowed.Keys.Append("Extensions").ToHashSet();
        var folders = Server.GetTypes()
            .Select(type => type.Namespace)
            .Where(name => name is not null && name.StartsWith("RealTimeAuth.Server.", StringComparison.Ordinal))
            .Select(name => name!.Split('.')[2])
            .Distinct();

        Assert.All(folders, folder => Assert.Contains(folder, known));
    }

    [Fact]
    public void Policies_ReferencesNothingButTheProtocolAndTheRuntime()
    {
        var references = typeof(CompiledPolicySet).Assembly.GetReferencedAssemblies().Select(name => name.Name!).ToList();

        Assert.DoesNotContain(references, name => name.StartsWith("RealTimeAuth.", StringComparison.Ordinal) && name != "RealTimeAuth.Protocol");
        Assert.DoesNotContain(references, name => name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal)
            || name.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal)
            || name.StartsWith("Npgsql", StringComparison.Ordinal)
            || name.StartsWith("StackExchange.Redis", StringComparison.Ordinal));
    }

    /// <summary>The types of one module: its namespace and below, without modules whose names merely start the same (Auth, AuthZen, Authorization).</summary>
    private static PredicateList ModuleTypes(string module)
    {
        var lookalikes = ServerModules.Allowed.Keys
            .Where(other => other != module && other.StartsWith(module, StringComparison.Ordinal))
            .Select(ServerModules.Namespace)
            .ToArray();
        var types = Types.InAssembly(Server).That().ResideInNamespace(ServerModules.Namespace(module));
        foreach (var lookalike in lookalikes)
        {
            types = types.And().DoNotResideInNamespace(lookalike);
        }

        return types;
    }
}
