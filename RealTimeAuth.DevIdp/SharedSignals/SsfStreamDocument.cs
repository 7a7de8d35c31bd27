using System.Text.Json;
using System.Text.Json.Nodes;

namespace RealTimeAuth.DevIdp.SharedSignals;

/// <summary>A stream's configuration as the management API returns it (SSF 1.0 §8.1.1); never the push secret.</summary>
internal static class SsfStreamDocument
{
    public static JsonObject From(SsfStreamRecord stream)
    {
        var requested = JsonSerializer.Deserialize<string[]>(stream.EventsRequested) ?? [];
        var delivery = new JsonObject { ["method"] = stream.DeliveryMethod };
        if (stream.EndpointUrl is not null)
        {
            delivery["endpoint_url"] = stream.EndpointUrl;
        }

        var document = new JsonObject
        {
            ["stream_id"] = stream.Id,
            ["iss"] = stream.Issuer,
            ["aud"] = stream.Audience,
            ["delivery"] = delivery,
            ["events_supported"] = Array(SsfEventCatalog.Supported),
            ["events_requested"] = Array(requested),
            ["events_delivered"] = Array(SsfEventCatalog.Delivered(requested)),
        };
        if (stream.Description is not null)
        {
            document["description"] = stream.Description;
        }

        return document;
    }

    public static JsonObject Status(SsfStreamRecord stream)
    {
        var document = new JsonObject { ["stream_id"] = stream.Id, ["status"] = stream.Status };
        if (stream.StatusReason is not null)
        {
            document["reason"] = stream.StatusReason;
        }

        return document;
    }

    private static JsonArray Array(IEnumerable<string> values) => new([.. values.Select(value => (JsonNode?)JsonValue.Create(value))]);
}
