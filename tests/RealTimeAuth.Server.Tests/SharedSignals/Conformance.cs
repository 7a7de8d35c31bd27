using System.Text.Json.Nodes;

namespace RealTimeAuth.Server.Tests.SharedSignals;

/// <summary>The shared Shared Signals conformance examples (<c>../shared/conformance/caep</c> beside the repository).</summary>
internal static class Conformance
{
    private static readonly Lazy<string> Root = new(Find);

    public static string Directory => Root.Value;

    public static IEnumerable<string> Files(string folder) =>
        System.IO.Directory.EnumerateFiles(Path.Combine(Directory, folder), "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal)!;

    public static JsonObject Read(string folder, string file) =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(Directory, folder, file)))!.AsObject();

    public static string Text(string folder, string file) => File.ReadAllText(Path.Combine(Directory, folder, file));

    private static string Find()
    {
        if (Environment.GetEnvironmentVariable("RTA_CONFORMANCE_DIR") is { Length: > 0 } configured)
        {
            return configured;
        }

        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "shared", "conformance", "caep");
            if (System.IO.Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("The conformance examples were not found: expected shared/conformance/caep above the test output, or set RTA_CONFORMANCE_DIR.");
    }
}
