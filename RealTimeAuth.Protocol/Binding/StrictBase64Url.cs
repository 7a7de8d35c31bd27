using System.Buffers;
using System.Buffers.Text;

namespace RealTimeAuth.Protocol.Binding;

/// <summary>
/// Unpadded base64url (RFC 7515 §2) decoded strictly: only the 64 alphabet characters, no padding or whitespace, and
/// the unused low bits of the last character zero, so every byte string has exactly one text form and a changed
/// character can never decode to the same bytes.
/// </summary>
internal static class StrictBase64Url
{
    private static readonly SearchValues<char> Alphabet =
        SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");

    /// <summary>Bytes that <paramref name="charCount"/> characters decode to; meaningless when the count is 1 mod 4 (never valid).</summary>
    public static int DecodedLength(int charCount) => (charCount / 4 * 3) + Math.Max(0, (charCount % 4) - 1);

    /// <summary>Decodes <paramref name="text"/> into the start of <paramref name="destination"/>; false, without throwing, when it is not canonical.</summary>
    public static bool TryDecode(ReadOnlySpan<char> text, Span<byte> destination, out int bytesWritten)
    {
        // The alphabet check comes first because the BCL decoder skips whitespace and accepts padding. The decoder
        // itself refuses non-zero unused bits (StrictBase64UrlTests holds it to that).
        bytesWritten = 0;
        return text.Length % 4 != 1
            && !text.ContainsAnyExcept(Alphabet)
            && destination.Length >= DecodedLength(text.Length)
            && Base64Url.DecodeFromChars(text, destination, out var consumed, out bytesWritten) == OperationStatus.Done
            && consumed == text.Length;
    }
}
