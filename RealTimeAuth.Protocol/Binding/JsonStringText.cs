using System.Buffers;
using System.Text;

namespace RealTimeAuth.Protocol.Binding;

/// <summary>
/// The body of a JSON string (RFC 8259 §7) for a .NET string: quotation mark, reverse solidus and control characters
/// escaped, everything else written as UTF-8. A lone surrogate is refused, so no two strings write the same bytes.
/// </summary>
internal static class JsonStringText
{
    /// <summary>The number of bytes <see cref="Write"/> writes for <paramref name="value"/>.</summary>
    /// <exception cref="ArgumentException">The value holds a lone surrogate.</exception>
    public static int GetLength(ReadOnlySpan<char> value, string paramName)
    {
        var length = 0;
        while (!value.IsEmpty)
        {
            if (Rune.DecodeFromUtf16(value, out var rune, out var consumed) != OperationStatus.Done)
            {
                throw new ArgumentException("The string is not well-formed UTF-16 (it holds a lone surrogate).", paramName);
            }

            value = value[consumed..];
            length += rune.Value switch
            {
                '"' or '\\' => 2,
                < 0x20 => 6,
                _ => rune.Utf8SequenceLength,
            };
        }

        return length;
    }

    /// <summary>Writes the escaped UTF-8 of a value <see cref="GetLength"/> accepted; returns the bytes written.</summary>
    public static int Write(ReadOnlySpan<char> value, Span<byte> destination)
    {
        var written = 0;
        while (!value.IsEmpty)
        {
            Rune.DecodeFromUtf16(value, out var rune, out var consumed);
            value = value[consumed..];
            switch (rune.Value)
            {
                case '"' or '\\':
                    destination[written++] = (byte)'\\';
                    destination[written++] = (byte)rune.Value;
                    break;
                case < 0x20:
                    "\\u00"u8.CopyTo(destination[written..]);
                    destination[written + 4] = (byte)"0123456789abcdef"[rune.Value >> 4];
                    destination[written + 5] = (byte)"0123456789abcdef"[rune.Value & 0xF];
                    written += 6;
                    break;
                default:
                    written += rune.EncodeToUtf8(destination[written..]);
                    break;
            }
        }

        return written;
    }
}
