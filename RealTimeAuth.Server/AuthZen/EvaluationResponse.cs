using System.Text.Json.Serialization;

namespace RealTimeAuth.Server.AuthZen;

/// <summary>An AuthZEN decision: <c>{"decision": true}</c>. A deny is a 200 with <c>false</c>, never an error status.</summary>
public sealed record EvaluationResponse([property: JsonPropertyName("decision")] bool Decision)
{
    /// <summary>Optional decision context; omitted when null so batch items serialise as exactly <c>{"decision":…}</c>.</summary>
    [JsonPropertyName("context")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyDictionary<string, string>? Context { get; init; }
}
