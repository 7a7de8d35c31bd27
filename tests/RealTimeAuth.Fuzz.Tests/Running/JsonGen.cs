using System.Text.Json.Nodes;
using CsCheck;

namespace RealTimeAuth.Fuzz.Tests.Running;

/// <summary>Random JSON documents whose member names are the ones the readers look for, so random structure meets real members.</summary>
internal static class JsonGen
{
    public static Gen<string> Document(params string[] names)
    {
        var name = Gen.OneOf(Gen.OneOf(names), Gen.String[0, 8]);
        var scalar = Gen.OneOf<JsonNode?>(
            Gen.String[0, 40].Select(static text => (JsonNode?)JsonValue.Create(text)),
            Gen.OneOf(names).Select(static text => (JsonNode?)JsonValue.Create(text)),
            Gen.Long.Select(static number => (JsonNode?)JsonValue.Create(number)),
            Gen.Double.Select(static number => (JsonNode?)(double.IsFinite(number) ? JsonValue.Create(number) : null)),
            Gen.Bool.Select(static flag => (JsonNode?)JsonValue.Create(flag)),
            Gen.Const(static () => (JsonNode?)null));
        var node = Gen.Recursive<JsonNode?>((depth, self) => depth >= 6
            ? scalar
            : Weighted.Of(
                (3, scalar),
                (2, Gen.Select(name, self).Array[0, 6].Select(static members => (JsonNode?)ToObject(members))),
                (1, self.Array[0, 6].Select(static items => (JsonNode?)new JsonArray([.. items.Select(static item => item?.DeepClone())])))));
        return Gen.Select(name, node).Array[0, 8].Select(static members => ToObject(members).ToJsonString());
    }

    private static JsonObject ToObject((string Name, JsonNode? Value)[] members)
    {
        var result = new JsonObject();
        foreach (var (name, value) in members)
        {
            result[name] = value?.DeepClone();
        }

        return result;
    }
}
