using System.Text.Json;
using System.Text.Json.Nodes;

namespace RealTimeAuth.Admin.Policies;

/// <summary>Rule-level difference between two policy documents, matched by rule <c>id</c>; computed in the console.</summary>
public static class PolicyDiff
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static IReadOnlyList<RuleChange> Compare(JsonElement before, JsonElement after)
    {
        var old = Rules(before);
        var @new = Rules(after);
        var changes = new List<RuleChange>();
        foreach (var (id, rule) in old)
        {
            if (!@new.TryGetValue(id, out var other))
            {
                changes.Add(new RuleChange(id, "removed", Text(rule), null));
            }
            else if (!JsonNode.DeepEquals(rule, other))
            {
                changes.Add(new RuleChange(id, "changed", Text(rule), Text(other)));
            }
        }

        changes.AddRange(@new.Where(pair => !old.ContainsKey(pair.Key)).Select(pair => new RuleChange(pair.Key, "added", null, Text(pair.Value))));
        return changes;
    }

    private static Dictionary<string, JsonNode?> Rules(JsonElement document)
    {
        var rules = new Dictionary<string, JsonNode?>(StringComparer.Ordinal);
        if (document.ValueKind != JsonValueKind.Object || !document.TryGetProperty("rules", out var array) || array.ValueKind != JsonValueKind.Array)
        {
            return rules;
        }

        var index = 0;
        foreach (var rule in array.EnumerateArray())
        {
            var id = rule.ValueKind == JsonValueKind.Object && rule.TryGetProperty("id", out var value) && value.ValueKind == JsonValueKind.String
                ? value.GetString()! : $"#{index}";
            rules[id] = JsonNode.Parse(rule.GetRawText());
            index++;
        }

        return rules;
    }

    private static string? Text(JsonNode? node) => node?.ToJsonString(Indented);
}
