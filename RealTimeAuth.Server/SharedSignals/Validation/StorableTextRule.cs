using System.Text;
using System.Text.Json;

namespace RealTimeAuth.Server.SharedSignals.Validation;

/// <summary>
/// Every name and string of the JOSE header and the claims must be text PostgreSQL can store and the security
/// context can hold: no NUL character and no lone surrogate (JSON escapes can express both). The parser checks it
/// before any member is read, so a hostile SET can neither crash validation nor fail after it was acknowledged.
/// </summary>
internal static class StorableTextRule
{
    /// <summary>True when every name and string in the document is storable text; never throws.</summary>
    public static bool IsStorableDocument(JsonElement root)
    {
        try
        {
            return IsStorable(root);
        }
        catch (InvalidOperationException)
        {
            // System.Text.Json refuses to materialise a name or string that is not valid UTF-16.
            return false;
        }
    }

    private static bool IsStorable(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().All(member => IsStorable(member.Name) && IsStorable(member.Value)),
        JsonValueKind.Array => element.EnumerateArray().All(IsStorable),
        JsonValueKind.String => IsStorable(element.GetString()!),
        _ => true,
    };

    public static bool IsStorable(string text)
    {
        if (text.Contains('\0', StringComparison.Ordinal))
        {
            return false;
        }

        for (var index = 0; index < text.Length; index++)
        {
            if (Rune.DecodeFromUtf16(text.AsSpan(index), out _, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                return false;
            }

            index += consumed - 1;
        }

        return true;
    }
}
