using System.Collections.Frozen;
using System.Text.Json;

namespace RealTimeAuth.Policies;

/// <summary>
/// Builds the string-to-string maps conditions read as <c>resource.properties</c>, <c>subject.attributes</c>
/// and <c>context.request</c>. From JSON, a string stays as it is, a number keeps its JSON text (<c>3</c>,
/// <c>2.5</c>), a boolean becomes <c>true</c>/<c>false</c>; null, arrays and objects are left out.
/// </summary>
public static class PropertyBag
{
    public static IReadOnlyDictionary<string, string> Empty { get; } = FrozenDictionary<string, string>.Empty;

    /// <summary>The members of a JSON object; anything other than an object gives <see cref="Empty"/>.</summary>
    public static IReadOnlyDictionary<string, string> FromJson(JsonElement element)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return Empty;
        }

        Dictionary<string, string>? map = null;
        foreach (var property in element.EnumerateObject())
        {
            if (ToText(property.Value) is { } text)
            {
                map ??= new Dictionary<string, string>(StringComparer.Ordinal);
                map[property.Name] = text;
            }
        }

        return map is null ? Empty : map.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static string? ToText(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Number => value.GetRawText(),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        _ => null,
    };
}
