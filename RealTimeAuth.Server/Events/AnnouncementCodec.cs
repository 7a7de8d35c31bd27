using System.Buffers.Binary;
using System.Text.Json;
using RealTimeAuth.Server.Data;

namespace RealTimeAuth.Server.Events;

/// <summary>
/// The wire form of an announcement on <see cref="EventAnnouncer.Channel"/>: a 4-byte marker, the MAC, then the committed
/// entries as JSON. A message that is only a number is the older, sequence-only form: a hint to read the log.
/// </summary>
public static class AnnouncementCodec
{
    private const uint Marker = 0x5254_4131; // "RTA1"
    private const int HeaderLength = sizeof(uint) + AnnouncementKey.MacLength;

    /// <summary>The signed announcement of <paramref name="entries"/>, or null when it would be longer than <paramref name="maxBytes"/>.</summary>
    public static byte[]? Encode(IReadOnlyList<EventLogRecord> entries, AnnouncementKey key, int maxBytes)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(entries);
        if (HeaderLength + body.Length > maxBytes)
        {
            return null;
        }

        var message = new byte[HeaderLength + body.Length];
        BinaryPrimitives.WriteUInt32BigEndian(message, Marker);
        body.CopyTo(message.AsSpan(HeaderLength));
        key.Sign(body, message.AsSpan(sizeof(uint), AnnouncementKey.MacLength));
        return message;
    }

    /// <summary>
    /// The entries of an authentic announcement, in sequence order; otherwise null and the reason (an
    /// <see cref="AnnouncementRejections"/> code). The MAC is checked before the body is parsed.
    /// </summary>
    public static EventLogRecord[]? Decode(ReadOnlySpan<byte> message, AnnouncementKey key, out string? rejection)
    {
        if (message.Length <= HeaderLength || BinaryPrimitives.ReadUInt32BigEndian(message) != Marker)
        {
            rejection = AnnouncementRejections.Malformed;
            return null;
        }

        var body = message[HeaderLength..];
        if (!key.Verify(body, message.Slice(sizeof(uint), AnnouncementKey.MacLength)))
        {
            rejection = AnnouncementRejections.BadMac;
            return null;
        }

        EventLogRecord[]? entries;
        try
        {
            entries = JsonSerializer.Deserialize<EventLogRecord[]>(body);
        }
        catch (JsonException)
        {
            entries = null;
        }

        rejection = entries is not { Length: > 0 } ? AnnouncementRejections.Malformed
            : !InOrder(entries) ? AnnouncementRejections.OutOfOrder
            : null;
        return rejection is null ? entries : null;
    }

    private static bool InOrder(EventLogRecord[] entries)
    {
        for (var index = 0; index < entries.Length; index++)
        {
            if (entries[index].Sequence <= (index == 0 ? 0 : entries[index - 1].Sequence))
            {
                return false;
            }
        }

        return true;
    }
}
