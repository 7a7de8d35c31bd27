using System.Runtime.InteropServices;
using System.Text.Json;

namespace RealTimeAuth.Server.Data;

/// <summary>
/// JSON escapes can spell a lone UTF-16 surrogate (<c>"\ud800"</c>), which is not text: System.Text.Json parses it
/// but throws <see cref="InvalidOperationException"/> (not a <see cref="JsonException"/>) when a name or string is
/// read, and PostgreSQL could not store it either. An edge that reads untrusted JSON checks the document once here,
/// so nothing after it meets such a string.
/// </summary>
public static class JsonText
{
    /// <summary>True when every member name and string in <paramref name="root"/> is valid UTF-16; never throws.</summary>
    public static bool IsValidUnicode(JsonElement root)
    {
        // Only an escape can spell a surrogate: the parser refuses invalid UTF-8. A body without "\u" needs no walk.
        if (JsonMarshal.GetRawUtf8Value(root).IndexOf("\\u"u8) < 0)
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
