namespace RealTimeAuth.Server.Tests.AuthZen;

/// <summary>Absolute paths of files in the repository, found by walking up from the test binaries to RealTimeAuth.sln.</summary>
internal static class PolicyFiles
{
    private static readonly Lazy<string> Root = new(FindRoot);

    public static string TodoPolicy => Path.Combine(Root.Value, "policies", "todo.policy.json");

    public static string TodoDirectory => Path.Combine(Root.Value, "policies", "todo.directory.json");

    /// <summary>The shared conformance file when present beside the repository, else the byte-identical copy in the tests.</summary>
    public static string ConformanceFile
    {
        get
        {
            var shared = Path.GetFullPath(Path.Combine(Root.Value, "..", "shared", "conformance", "authzen", "todo-decisions.json"));
            return File.Exists(shared)
                ? shared
                : Path.Combine(Root.Value, "tests", "RealTimeAuth.Server.Tests", "Policies", "Conformance", "todo-decisions.json");
        }
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "RealTimeAuth.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No RealTimeAuth.sln above {AppContext.BaseDirectory}.");
    }
}
