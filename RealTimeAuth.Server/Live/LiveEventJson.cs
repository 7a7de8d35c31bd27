using System.Buffers;
using System.Globalization;
using System.Net.ServerSentEvents;
using System.Text;
using System.Text.Json;
using RealTimeAuth.Protocol.Grpc;

namespace RealTimeAuth.Server.Live;

/// <summary>
/// The Server-Sent Events form of the live channel's messages: <c>event:</c> names the kind
/// (<c>token_refresh</c>, <c>revocation</c>, <c>heartbeat</c>), <c>id:</c> is the sequence, and <c>data:</c> is one JSON object with the
/// proto fields under their snake_case names plus <c>sequence</c> and <c>sent_at_unix_ms</c>.
/// </summary>
internal static class LiveEventJson
{
    public const string TokenRefreshEvent = "token_refresh";
    public const string RevocationEvent = "revocation";
    public const string HeartbeatEvent = "heartbeat";

    public static SseItem<string> ToItem(ServerMessage message)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        string eventType;
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("sequence", message.Sequence);
            json.WriteNumber("sent_at_unix_ms", message.SentAtUnixMs);
            eventType = WriteKind(json, message);
            json.WriteEndObject();
        }

        return new SseItem<string>(Encoding.UTF8.GetString(buffer.WrittenSpan), eventType)
        {
            EventId = message.Sequence.ToString(CultureInfo.InvariantCulture),
        };
    }

    private static string WriteKind(Utf8JsonWriter json, ServerMessage message)
    {
        switch (message.KindCase)
        {
            case ServerMessage.KindOneofCase.TokenRefresh:
                json.WriteString("token", message.TokenRefresh.Token);
                json.WriteNumber("token_sequence", message.TokenRefresh.TokenSequence);
                json.WriteNumber("fresh_until_unix_ms", message.TokenRefresh.FreshUntilUnixMs);
                json.WriteString("reason", message.TokenRefresh.Reason);
                return TokenRefreshEvent;
            case ServerMessage.KindOneofCase.Revocation:
                json.WriteString("reason", message.Revocation.Reason);
                json.WriteString("detail", message.Revocation.Detail);
                json.WriteNumber("event_sequence", message.Revocation.EventSequence);
                json.WriteNumber("event_time_unix_ms", message.Revocation.EventTimeUnixMs);
                return RevocationEvent;
            case ServerMessage.KindOneofCase.Heartbeat:
                json.WriteNumber("server_time_unix_ms", message.Heartbeat.ServerTimeUnixMs);
                json.WriteString("replica", message.Heartbeat.Replica);
                return HeartbeatEvent;
            default:
                throw new InvalidOperationException($"No event form for {message.KindCase}.");
        }
    }
}
