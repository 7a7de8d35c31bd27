using NSec.Cryptography;

namespace RealTimeAuth.Protocol.Binding;

/// <summary>The rules on a DPoP proof's JOSE header: its type, its algorithm and its public key.</summary>
internal static class DpopHeaderRules
{
    // RFC 9449 §4.3 item 4: explicit typing, so no other JWT (an ID token, an access token) passes as a proof.
    public static string? CheckType(in DpopHeader header) =>
        header.Typ.IsExactly("dpop+jwt"u8) ? null : DpopRejectionReasons.WrongType;

    // RFC 9449 §4.3 item 5 and RFC 8037 §3.1: sessions bind Ed25519 keys, so EdDSA is the one algorithm; this also
    // refuses "none" and every HMAC algorithm (RFC 8725 §3.1, §3.2) without a list to get wrong.
    public static string? CheckAlgorithm(in DpopHeader header) =>
        header.Alg.IsExactly("EdDSA"u8) ? null : DpopRejectionReasons.UnsupportedAlgorithm;

    /// <summary>
    /// Checks the <c>jwk</c> is an Ed25519 public key (RFC 8037 §2) and writes its 32 raw bytes to <paramref name="rawPublicKey"/>.
    /// A private key is reported before any other fault: a client that sends one has leaked it, whatever else is wrong.
    /// </summary>
    public static string? CheckJwk(in DpopHeader header, Span<byte> rawPublicKey, out PublicKey? publicKey)
    {
        publicKey = null;
        if (!header.Jwk.IsObject)
        {
            return DpopRejectionReasons.MalformedJwk;
        }

        // RFC 9449 §4.3 item 7.
        if (header.Jwk.HasPrivateKey)
        {
            return DpopRejectionReasons.PrivateKeyInJwk;
        }

        return header.Jwk.Kty.IsExactly("OKP"u8)
            && header.Jwk.Crv.IsExactly("Ed25519"u8)
            && header.Jwk.X.IsString
            && TryDecodeKey(header.Jwk.X.Utf8, rawPublicKey)
            && PublicKey.TryImport(SignatureAlgorithm.Ed25519, rawPublicKey, KeyBlobFormat.RawPublicKey, out publicKey)
                ? null
                : DpopRejectionReasons.MalformedJwk;
    }

    private static bool TryDecodeKey(ReadOnlySpan<byte> utf8, Span<byte> rawPublicKey)
    {
        // x is ASCII base64url when well-formed: 43 characters for 32 bytes.
        Span<char> text = stackalloc char[JwkThumbprint.Length];
        if (utf8.Length != JwkThumbprint.Length)
        {
            return false;
        }

        for (var i = 0; i < utf8.Length; i++)
        {
            text[i] = (char)utf8[i];
        }

        return StrictBase64Url.TryDecode(text, rawPublicKey, out var written) && written == JwkThumbprint.PublicKeyLength;
    }
}
