using System.Text;
using System.Text.Json;
using RealTimeAuth.Policies.Model;
using RealTimeAuth.Policies.Schema;

namespace RealTimeAuth.Policies.Files;

/// <summary>
/// The policy file format (JSON, <c>"schema": "rta.policy/v1"</c>) that admins keep in git. Reading is
/// strict: unknown members, duplicates and missing required members are errors with line and column.
/// This class reads and writes text; where the text comes from is the caller's business.
/// </summary>
public static class PolicyFile
{
    public static PolicyFileResult<PolicySetDocument> Read(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return Read(Encoding.UTF8.GetBytes(json));
    }

    public static PolicyFileResult<PolicySetDocument> Read(ReadOnlySpan<byte> utf8Json) =>
        JsonFileReader.Read(utf8Json, PolicyJsonContext.Default.PolicySetDocument);

    /// <summary>Reads and compiles in one step; file errors come back as the compilation's diagnostics.</summary>
    public static PolicyCompilation Load(string json, AttributeSchema schema, string version)
    {
        var file = Read(json);
        return file.Succeeded ? PolicyCompiler.Compile(file.Document, schema, version) : new PolicyCompilation(null, file.Diagnostics);
    }

    /// <summary>The document as indented JSON that <see cref="Read(string)"/> reads back to the same rules.</summary>
    public static string Write(PolicySetDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return JsonSerializer.Serialize(document, PolicyJsonContext.Default.PolicySetDocument) + "\n";
    }
}
