using System.Buffers;
using System.Buffers.Text;

namespace RealTimeAuth.Protocol.Tokens;

/// <summary>
/// The text form of an RTAToken: unpadded base64url (RFC 4648 §5), exactly 171 characters.
/// Decoding is strict: no padding, no whitespace, no '+' or '/', and the two unused trailing bits must be zero,
/// so every token has exactly one text form.
/// </summary>
public static class RtaTokenText
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    private static readonly SearchValues<char> AlphabetValues = SearchValues.Create(Alphabet);

    /// <summary>Encodes a 128-byte token.</summary>
    /// <exception cref="ArgumentException"><paramref name="token"/> is not 128 bytes long.</exception>
    public static string Encode(ReadOnlySpan<byte> token)
    {
        ThrowIfWrongLength(token);
        return Base64Url.EncodeToString(token);
    }

    /// <summary>Encodes a 128-byte token into 171 characters of <paramref name="destination"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="token"/> is not 128 bytes long.</exception>
    public static bool TryEncode(ReadOnlySpan<byte> token, Span<char> destination, out int charsWritten)
    {
        ThrowIfWrongLength(token);
        return Base64Url.TryEncodeToChars(token, destination, out charsWritten);
    }

    /// <summary>
    /// Decodes exactly 171 base64url characters into the first 128 bytes of <paramref name="destination"/>.
    /// Returns false, without throwing, for any other input; <paramref name="destination"/> is then unspecified.
    /// </summary>
    public static bool TryDecode(ReadOnlySpan<char> text, Span<byte> destination)
    {
        // The alphabet check comes first because the BCL decoder skips whitespace and accepts padding.
        if (text.Length != RtaTokenLayout.TextLength
            || destination.Length < RtaTokenLayout.Length
            || text.ContainsAnyExcept(AlphabetValues)
            || (Alphabet.IndexOf(text[^1], StringComparison.Ordinal) & 0b11) != 0)
        {
            return false;
        }

        // 171 characters carry 1026 bits; the last character's 2 low bits are not data and must be 0 (checked above).
        return Base64Url.DecodeFromChars(text, destination[..RtaTokenLayout.Length], out var consumed, out var written) == OperationStatus.Done
            && consumed == RtaTokenLayout.TextLength
            && written == RtaTokenLayout.Length;
    }

    private static void ThrowIfWrongLength(ReadOnlySpan<byte> token)
    {
        if (token.Length != RtaTokenLayout.Length)
        {
            throw new ArgumentException($"An RTAToken is {RtaTokenLayout.Length} bytes.", nameof(token));
        }
    }
}
