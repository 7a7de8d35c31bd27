using System.Text.Json;
using RealTimeAuth.Policies;

namespace RealTimeAuth.Server.AuthZen;

/// <summary>
/// Reads AuthZEN request members from a parsed body. Unknown members are ignored; a member of the wrong
/// JSON kind is treated as malformed (<see cref="JsonException"/>).
/// </summary>
internal static class AccessRequestReader
{
    public static AccessRequest Read(JsonElement body) =>
        new(Entity(body, "subject"), ActionName(body), Entity(body, "resource"), Member(body, "context", JsonValueKind.Object));

    public static JsonElement? Member(JsonElement body, string name, JsonValueKind kind)
    {
        if (body.ValueKind != JsonValueKind.Object || !body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == kind ? value : throw new JsonException($"'{name}' must be a JSON {kind.ToString().ToLowerInvariant()}.");
    }

    private static EntityReference? Entity(JsonElement body, string name) =>
        Member(body, name, JsonValueKind.Object) is { } entity
            ? new EntityReference(Text(entity, "type"), Text(entity, "id"),
                Member(entity, "properties", JsonValueKind.Object) is { } properties ? PropertyBag.FromJson(properties) : null)
            : null;

    private static string? ActionName(JsonElement body) =>
        Member(body, "action", JsonValueKind.Object) is { } action ? Text(action, "name") ?? string.Empty : null;

    private static string? Text(JsonElement entity, string name) => Member(entity, name, JsonValueKind.String)?.GetString();
}
