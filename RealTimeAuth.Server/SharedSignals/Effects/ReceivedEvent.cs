using System.Text.Json;
using RealTimeAuth.Server.SharedSignals.Streams;

namespace RealTimeAuth.Server.SharedSignals.Effects;

/// <summary>An accepted SET as the effects see it: its one event, its subject and the stream it came on.</summary>
public sealed record ReceivedEvent(
    long Id,
    string Issuer,
    string Jti,
    string EventType,
    JsonElement Payload,
    JsonElement Subject,
    SsfStreamDescriptor Stream)
{
    private const int MaxDetailLength = 1000;

    /// <summary>Who the event log and revocations name as the cause.</summary>
    public string Actor => $"ssf:{Issuer}";

    /// <summary>A one-line account for revocation details: the SET and, when given, the admin reason.</summary>
    public string Detail
    {
        get
        {
            var reason = Text("reason_admin") ?? Text("reason");
            var detail = reason is null ? $"SET {Jti}" : $"SET {Jti}: {reason}";
            return detail.Length <= MaxDetailLength ? detail : detail[..MaxDetailLength];
        }
    }

    public string? String(string member) =>
        Payload.TryGetProperty(member, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    /// <summary>A reason in plain text: a string member, or the English (else first) entry of a language map (CAEP 1.0 §2).</summary>
    public string? Text(string member)
    {
        if (!Payload.TryGetProperty(member, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.String)
        {
            return value.GetString();
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var entries = value.EnumerateObject().Where(entry => entry.Value.ValueKind == JsonValueKind.String).ToList();
        return entries.Count == 0 ? null : (entries.Find(entry => entry.Name == "en") is { Name: not null } english ? english : entries[0]).Value.GetString();
    }
}
