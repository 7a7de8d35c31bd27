using System.Text.Json.Serialization;

namespace RealTimeAuth.Server.Sessions;

/// <summary>
/// The payload of a session event: which sessions changed and why. The rows in <c>sessions</c> are the truth; a
/// replica applying the event reloads them, so an entry never disagrees with them. A revocation also carries what it
/// wrote to every row in the same transaction (<see cref="RevokedAt"/>, and which sessions were
/// <see cref="Named"/> rather than revoked with an ancestor), so a replica that already holds the sessions applies it
/// without reading them back: for a user with a thousand agents that read was most of the time to the first push.
/// </summary>
public sealed record SessionEventPayload(
    [property: JsonPropertyName("sessionIds")] IReadOnlyList<Guid> SessionIds,
    [property: JsonPropertyName("reason")] string? Reason = null,
    [property: JsonPropertyName("detail")] string? Detail = null,
    [property: JsonPropertyName("revokedAt"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] DateTimeOffset? RevokedAt = null,
    [property: JsonPropertyName("named"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<Guid>? Named = null);
