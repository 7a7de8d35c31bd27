using System.Text.Json.Nodes;

namespace RealTimeAuth.DevIdp.Tests.SharedSignals;

/// <summary>The SSF management and poll examples in <c>shared/conformance/caep</c> beside the repository (or <c>RTA_CONFORMANCE_DIR</c>).</summary>
internal static class MgmtConformance
{
    private static readonly Lazy<string> Root = new(Find);

    /// <summary>An example body with its <c>stream_id</c> (when it has one) replaced by <paramref name="streamId"/>.</summary>
    public static JsonObject Read(string folder, string file, string? streamId = null)
    {
        var body = JsonNode.Parse(File.ReadAllText(Path.Combine(Root.Value, folder, file)))!.AsObject();
        if (streamId is not null && body.ContainsKey("stream_id"))
        {
            body["stream_id"] = streamId;
        }

        return body;
    }

    private static string Find()
    {
        if (Environment.GetEnvironmentVariable("RTA_CONFORMANCE_DIR") is { Length: > 0 } configured)
        {
            return configured;
        }

        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "shared", "conformance", "caep");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("The conformance examples were not found: expected shared/conformance/caep above the test output, or set RTA_CONFORMANCE_DIR.");
    }
}
