using System.Text.Json;
using System.Text.Json.Nodes;

namespace RealTimeAuth.DevIdp.SharedSignals;

/// <summary>Reads a management request's JSON object; null when the body is not one (answered 400).</summary>
internal static class SsfRequestBody
{
    private const int MaxBytes = 64 * 1024;

    public static async Task<JsonObject?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (request.ContentLength > MaxBytes)
        {
            return null;
        }

        try
        {
            using var limited = new MemoryStream();
            await request.Body.CopyToAsync(limited, cancellationToken);
            return limited.Length is 0 or > MaxBytes ? null : JsonNode.Parse(limited.ToArray()) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public static string? String(JsonObject body, string name) =>
        body[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    public static string[]? Strings(JsonObject body, string name)
    {
        if (body[name] is not JsonArray array)
        {
            return null;
        }

        var values = new List<string>();
        foreach (var item in array)
        {
            if (item is not JsonValue value || !value.TryGetValue<string>(out var text))
            {
                return null;
            }

            values.Add(text);
        }

        return [.. values];
    }
}
