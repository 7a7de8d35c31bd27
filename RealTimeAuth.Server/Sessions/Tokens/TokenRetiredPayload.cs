using System.Text.Json.Serialization;

namespace RealTimeAuth.Server.Sessions.Tokens;

/// <summary>
/// The payload of a <c>session.token-retired</c> entry. It is the whole change: no row holds it, so a replica applies
/// it as written, and one starting up reads the entries recent enough to still matter.
/// </summary>
public sealed record TokenRetiredPayload(
    [property: JsonPropertyName("sessionId")] Guid SessionId,
    [property: JsonPropertyName("before")] uint Before,
    [property: JsonPropertyName("retireAt")] DateTimeOffset RetireAt);
