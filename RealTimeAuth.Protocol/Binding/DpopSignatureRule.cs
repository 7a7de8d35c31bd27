using System.Text;
using NSec.Cryptography;

namespace RealTimeAuth.Protocol.Binding;

/// <summary>RFC 9449 §4.3 item 6: the proof verifies under the public key in its own <c>jwk</c> header.</summary>
internal static class DpopSignatureRule
{
    // RFC 7515 §5.2: the signing input is ASCII(BASE64URL(header) || '.' || BASE64URL(payload)) as received.
    // asciiBuffer holds at least signingInput.Length bytes; the text was checked to be base64url and one dot.
    public static string? Check(ReadOnlySpan<char> signingInput, ReadOnlySpan<byte> signature, PublicKey publicKey, Span<byte> asciiBuffer)
    {
        var ascii = asciiBuffer[..signingInput.Length];
        Ascii.FromUtf16(signingInput, ascii, out _);
        return SignatureAlgorithm.Ed25519.Verify(publicKey, ascii, signature) ? null : DpopRejectionReasons.BadSignature;
    }
}
