using System.Text.Json.Serialization;

namespace RealTimeAuth.Server.Events;

/// <summary>
/// The payload of a session event: which sessions changed and why. The rows in <c>sessions</c>
/// are the truth; a replica applying the event reloads them, so an entry never disagrees with them.
/// </summary>
public sealed record SessionEventPayload(
    [property: JsonPropertyName("sessionIds")] IReadOnlyList<Guid> SessionIds,
    [property: JsonPropertyName("reason")] string? Reason = null,
    [property: JsonPropertyName("detail")] string? Detail = null);
