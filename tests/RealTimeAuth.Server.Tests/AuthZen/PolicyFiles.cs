using RealTimeAuth.Testing;

namespace RealTimeAuth.Server.Tests.AuthZen;

/// <summary>Absolute paths of the Todo scenario's files in the repository.</summary>
internal static class PolicyFiles
{
    public static string TodoPolicy => RepositoryFiles.PathOf("policies/todo.policy.json");

    public static string TodoDirectory => RepositoryFiles.PathOf("policies/todo.directory.json");

    /// <summary>The AuthZEN working group's Todo interop decisions (<c>tests/conformance/authzen</c>).</summary>
    public static string ConformanceFile => RepositoryFiles.Conformance("authzen", "todo-decisions.json");
}
