namespace RealTimeAuth.Server.Tests.Policies;

/// <summary>Files checked into the repository, found by walking up from the test binaries to the solution.</summary>
internal static class RepositoryFiles
{
    private static readonly Lazy<string> Root = new(FindRoot);

    public static string Read(string relativePath) => File.ReadAllText(Path.Combine(Root.Value, relativePath));

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
