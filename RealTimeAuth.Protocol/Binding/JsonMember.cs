using System.Text.Json;

namespace RealTimeAuth.Protocol.Binding;

/// <summary>
/// One member of a JOSE header or claims object as read: absent, a string (its unescaped UTF-8), or a value of another
/// JSON type. A rule treats "present but not a string" as "not the expected value", never as the empty string.
/// </summary>
internal readonly ref struct JsonMember
{
    private JsonMember(bool isPresent, bool isString, ReadOnlySpan<byte> utf8)
    {
        IsPresent = isPresent;
        IsString = isString;
        Utf8 = utf8;
    }

    public bool IsPresent { get; }

    public bool IsString { get; }

    /// <summary>The unescaped UTF-8 of a string value; empty otherwise.</summary>
    public ReadOnlySpan<byte> Utf8 { get; }

    /// <summary>True when the member is a string whose value is exactly <paramref name="expected"/>.</summary>
    public bool IsExactly(ReadOnlySpan<byte> expected) => IsString && Utf8.SequenceEqual(expected);

    /// <summary>
    /// Reads the value the reader is positioned on. A string is unescaped into <paramref name="scratch"/> from
    /// <paramref name="used"/> on; any other value is skipped.
    /// </summary>
    /// <exception cref="JsonException">The JSON is malformed.</exception>
    /// <exception cref="InvalidOperationException">A string escapes an invalid UTF-16 sequence (a lone surrogate).</exception>
    public static JsonMember Read(scoped ref Utf8JsonReader reader, Span<byte> scratch, scoped ref int used)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            reader.Skip();
            return new JsonMember(isPresent: true, isString: false, []);
        }

        // The unescaped value is never longer than its JSON text, and scratch is as long as the whole JSON.
        var length = reader.CopyString(scratch[used..]);
        var value = scratch.Slice(used, length);
        used += length;
        return new JsonMember(isPresent: true, isString: true, value);
    }
}
