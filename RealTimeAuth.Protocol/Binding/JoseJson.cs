using System.Text.Json;
using System.Text.Unicode;

namespace RealTimeAuth.Protocol.Binding;

/// <summary>
/// The shared reading of a JOSE JSON object (a DPoP header or claims set): strict UTF-8, one object and nothing after
/// it, no comments, bounded depth, and a member this reader understands may not repeat (RFC 7515 §4, RFC 7519 §4).
/// Members it does not understand are skipped.
/// </summary>
internal static class JoseJson
{
    public static readonly JsonReaderOptions Options = new() { MaxDepth = 8 };

    /// <summary>Positions a reader on the opening brace of <paramref name="utf8"/>; false when it is not valid UTF-8 or does not start an object.</summary>
    /// <exception cref="JsonException">The JSON is malformed.</exception>
    public static bool TryStartObject(ReadOnlySpan<byte> utf8, out Utf8JsonReader reader)
    {
        // Utf8JsonReader does not validate the UTF-8 inside strings; unescaping later would fail late or replace bytes.
        reader = new Utf8JsonReader(utf8, Options);
        return Utf8.IsValid(utf8) && reader.Read() && reader.TokenType == JsonTokenType.StartObject;
    }

    /// <summary>Moves to the next member name of the current object; false at its closing brace.</summary>
    /// <exception cref="JsonException">The JSON is malformed.</exception>
    public static bool NextMember(ref Utf8JsonReader reader) => reader.Read() && reader.TokenType == JsonTokenType.PropertyName;

    /// <summary>True when the object just closed was the whole document.</summary>
    /// <exception cref="JsonException">Something follows the object.</exception>
    public static bool AtEnd(ref Utf8JsonReader reader) => reader.TokenType == JsonTokenType.EndObject && reader.CurrentDepth == 0 && !reader.Read();

    /// <summary>Records member <paramref name="bit"/> as seen; false when it was seen before.</summary>
    public static bool FirstTime(ref int seen, int bit)
    {
        var first = (seen & bit) == 0;
        seen |= bit;
        return first;
    }
}
