using System.Text.Json.Nodes;

namespace RealTimeAuth.DevIdp.SharedSignals;

/// <summary>A subject identifier in one canonical text form: its string members sorted by name, so equal subjects compare equal.</summary>
internal static class SsfSubjectKey
{
    public static string Of(JsonObject subject) =>
        string.Join('\u001f', subject.Where(member => member.Value is JsonValue)
            .OrderBy(member => member.Key, StringComparer.Ordinal)
            .Select(member => member.Key + "=" + member.Value!.ToString()));
}
