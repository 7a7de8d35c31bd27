using System.Text.Json;
using RealTimeAuth.Server.Data;
using RealTimeAuth.Server.Events;

namespace RealTimeAuth.Server.Sessions;

internal static class SessionEventReader
{
    public static SessionChangeKind? KindOf(string type) => type switch
    {
        RtaEventTypes.SessionCreated => SessionChangeKind.Created,
        RtaEventTypes.SessionsRevoked => SessionChangeKind.Revoked,
        RtaEventTypes.SessionContextChanged => SessionChangeKind.ContextChanged,
        _ => null,
    };

    /// <summary>The session payload of a session event; null for other types, which carry their own.</summary>
    public static SessionEventPayload? Read(EventLogRecord entry) =>
        KindOf(entry.Type) is null ? null : JsonSerializer.Deserialize<SessionEventPayload>(entry.Payload);
}
