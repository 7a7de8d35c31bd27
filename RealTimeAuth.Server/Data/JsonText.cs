using System.Runtime.InteropServices;
using System.Text.Json;
using System.Text.Unicode;

namespace RealTimeAuth.Server.Data;

/// <summary>
/// JSON escapes can spell a lone UTF-16 surrogate (<c>"\ud800"</c>), and a name or string can hold bytes that are not
/// UTF-8 (the parser does not check inside them): neither is text. System.Text.Json parses both but throws
/// <see cref="InvalidOperationException"/> (not a <see cref="JsonException"/>) when such a name or string is read, and
/// PostgreSQL could not store it either. An edge that reads untrusted JSON checks the document once here,
/// so nothing after it meets such a string.
/// </summary>
public static class JsonText
{
    /// <summary>True when every member name and string in <paramref name="root"/> is valid UTF-16; never throws.</summary>
    public static bool IsValidUnicode(JsonElement root)
    {
        // The parser checks structure, not the UTF-8 inside strings and names, so only valid UTF-8 without a "\u"
        // escape (the one way to spell a surrogate) can skip the walk.
        var raw = JsonMarshal.GetRawUtf8Value(root);
        if (Utf8.IsValid(raw) && raw.IndexOf("\\u"u8) < 0)
        {
            return true;
        }

        try
        {
            Materialise(root);
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static void Materialise(JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var member in element.EnumerateObject())
                {
                    _ = member.Name;
                    Materialise(member.Value);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Materialise(item);
                }

                break;
            case JsonValueKind.String:
                _ = element.GetString();
                break;
        }
    }
}
