using System.Text.Json.Serialization;

namespace RealTimeAuth.Server.SharedSignals.Receiving;

/// <summary>The event log payload of <see cref="SsfEventLogTypes.EventProcessed"/>.</summary>
public sealed record SetProcessedPayload(
    [property: JsonPropertyName("receivedSetId")] long ReceivedSetId,
    [property: JsonPropertyName("streamId")] Guid StreamId,
    [property: JsonPropertyName("iss")] string Issuer,
    [property: JsonPropertyName("jti")] string Jti,
    [property: JsonPropertyName("eventType")] string EventType,
    [property: JsonPropertyName("delivery")] string Delivery,
    [property: JsonPropertyName("effect")] string Effect,
    [property: JsonPropertyName("detail")] IReadOnlyDictionary<string, object?> Detail,
    [property: JsonPropertyName("issuedAt")] DateTimeOffset IssuedAt,
    [property: JsonPropertyName("receivedAt")] DateTimeOffset ReceivedAt,
    [property: JsonPropertyName("appliedAt")] DateTimeOffset AppliedAt,
    [property: JsonPropertyName("latencyMs")] double LatencyMilliseconds);
