using System.Text.Json.Nodes;
using RealTimeAuth.Testing;

namespace RealTimeAuth.DevIdp.Tests.SharedSignals;

/// <summary>The SSF management and poll examples in <c>tests/conformance/caep</c>.</summary>
internal static class MgmtConformance
{
    /// <summary>An example body with its <c>stream_id</c> (when it has one) replaced by <paramref name="streamId"/>.</summary>
    public static JsonObject Read(string folder, string file, string? streamId = null)
    {
        var body = RepositoryFiles.ReadConformanceJson("caep", folder, file);
        if (streamId is not null && body.ContainsKey("stream_id"))
        {
            body["stream_id"] = streamId;
        }

        return body;
    }
}
