using System.Text.Json;
using RealTimeAuth.Protocol.Contexts;

namespace RealTimeAuth.Server.Sessions;

/// <summary>
/// JSON form of a <see cref="SecurityContext"/> for storage and the admin API. Each attribute keeps
/// its type (<c>{"s":"text"}</c>, <c>{"i":42}</c>, <c>{"b":true}</c>, <c>{"d":0.5}</c>, <c>{"l":["a"]}</c>),
/// so reading it back yields the same context and therefore the same ContextHash.
/// </summary>
public static class SecurityContextJson
{
    public static string Serialize(SecurityContext context)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            Write(writer, context);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static void Write(Utf8JsonWriter writer, SecurityContext context)
    {
        writer.WriteStartObject();
        foreach (var (name, value) in context.Attributes)
        {
            writer.WriteStartObject(name);
            switch (value.Kind)
            {
                case SecurityAttributeKind.String:
                    writer.WriteString("s", value.AsString());
                    break;
                case SecurityAttributeKind.Int64:
                    writer.WriteNumber("i", value.AsInt64());
                    break;
                case SecurityAttributeKind.Boolean:
                    writer.WriteBoolean("b", value.AsBoolean());
                    break;
                case SecurityAttributeKind.Double:
                    writer.WriteNumber("d", value.AsDouble());
                    break;
                case SecurityAttributeKind.StringList:
                    writer.WriteStartArray("l");
                    foreach (var item in value.AsStringList())
                    {
                        writer.WriteStringValue(item);
                    }

                    writer.WriteEndArray();
                    break;
                default:
                    throw new InvalidOperationException($"Attribute '{name}' has no value.");
            }

            writer.WriteEndObject();
        }

        writer.WriteEndObject();
    }

    public static SecurityContext Deserialize(string json)
    {
        using var document = JsonDocument.Parse(json);
        var attributes = new List<KeyValuePair<string, SecurityAttributeValue>>();
        foreach (var attribute in document.RootElement.EnumerateObject())
        {
            attributes.Add(new(attribute.Name, ReadValue(attribute.Value)));
        }

        return SecurityContext.Create(attributes);
    }

    private static SecurityAttributeValue ReadValue(JsonElement element)
    {
        var typed = element.EnumerateObject().Single();
        return typed.Name switch
        {
            "s" => SecurityAttributeValue.FromString(typed.Value.GetString()!),
            "i" => SecurityAttributeValue.FromInt64(typed.Value.GetInt64()),
            "b" => SecurityAttributeValue.FromBoolean(typed.Value.GetBoolean()),
            "d" => SecurityAttributeValue.FromDouble(typed.Value.GetDouble()),
            "l" => SecurityAttributeValue.FromStringList(typed.Value.EnumerateArray().Select(item => item.GetString()!)),
            _ => throw new JsonException($"Unknown attribute type '{typed.Name}'."),
        };
    }
}
