using System.Text.Json.Nodes;

namespace RealTimeAuth.Testing;

/// <summary>
/// Files checked into the repository, found by walking up from the test binaries to <c>RealTimeAuth.sln</c>.
/// Tests read nothing outside the repository: the published conformance material lives in <c>tests/conformance</c>
/// (<c>RTA_CONFORMANCE_DIR</c> may point at another folder of the same layout).
/// </summary>
internal static class RepositoryFiles
{
    private static readonly Lazy<string> LazyRoot = new(FindRoot);

    /// <summary>The repository's root folder.</summary>
    public static string Root => LazyRoot.Value;

    /// <summary>The folder holding <c>caep/</c> and <c>authzen/</c>.</summary>
    public static string ConformanceRoot =>
        Environment.GetEnvironmentVariable("RTA_CONFORMANCE_DIR") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Root, "tests", "conformance");

    /// <summary>The absolute path of <paramref name="relativePath"/> (with <c>/</c> separators) in the repository.</summary>
    public static string PathOf(string relativePath) => Path.Combine(Root, relativePath.Replace('/', Path.DirectorySeparatorChar));

    public static string Read(string relativePath) => File.ReadAllText(PathOf(relativePath));

    /// <summary>A file of the conformance material, for example <c>Conformance("caep", "sets", "x.json")</c>.</summary>
    public static string Conformance(params string[] parts) => Path.Combine([ConformanceRoot, .. parts]);

    /// <summary>The JSON files of one conformance folder, by name.</summary>
    public static IEnumerable<string> ConformanceFiles(params string[] folder) =>
        Directory.EnumerateFiles(Conformance(folder), "*.json").Select(path => Path.GetFileName(path)).Order(StringComparer.Ordinal);

    public static JsonObject ReadConformanceJson(params string[] parts) => JsonNode.Parse(File.ReadAllText(Conformance(parts)))!.AsObject();

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
