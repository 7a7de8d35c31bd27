namespace RealTimeAuth.Protocol.Binding;

/// <summary>
/// Why <see cref="DpopProofValidator"/> refused a DPoP proof (RFC 9449), listed in the order the checks run, cheapest
/// first (the claims part is decoded after the header rules, so a malformed one is reported there). Each names one
/// rule. A wire and audit contract: a code is never renamed. Codes may be logged and returned to the client; the proof
/// itself is never logged.
/// </summary>
public static class DpopRejectionReasons
{
    /// <summary>No proof was presented (absent or empty).</summary>
    public const string ProofMissing = "proof-missing";

    /// <summary>The proof is longer than <see cref="DpopProofValidator.MaxProofLength"/> characters; nothing was parsed.</summary>
    public const string ProofTooLarge = "proof-too-large";

    /// <summary>
    /// Not a compact JWS this server reads: not three unpadded base64url parts, a signature part that is not 64 bytes,
    /// a header or claims part that is not one JSON object of well-formed UTF-8, a repeated member this server reads, or
    /// a <c>crit</c> header.
    /// </summary>
    public const string MalformedProof = "malformed-proof";

    /// <summary>The <c>typ</c> header is absent or not exactly <c>dpop+jwt</c> (RFC 9449 §4.3 item 4).</summary>
    public const string WrongType = "wrong-type";

    /// <summary>The <c>alg</c> header is absent or not exactly <c>EdDSA</c>: this server binds Ed25519 keys only.</summary>
    public const string UnsupportedAlgorithm = "unsupported-algorithm";

    /// <summary>The <c>jwk</c> header is absent or not an OKP Ed25519 public key whose <c>x</c> is 32 bytes (RFC 8037 §2).</summary>
    public const string MalformedJwk = "malformed-jwk";

    /// <summary>
    /// The <c>jwk</c> header carries the private key <c>d</c> (RFC 9449 §4.3 item 7): the client has leaked its key. Checked
    /// as soon as the <c>jwk</c> is known to be an object, before the rest of <see cref="MalformedJwk"/>.
    /// </summary>
    public const string PrivateKeyInJwk = "private-key-in-jwk";

    /// <summary>The claims have no <c>jti</c> string, or an empty one.</summary>
    public const string MissingJti = "missing-jti";

    /// <summary>The claims have no <c>htm</c> string.</summary>
    public const string MissingHtm = "missing-htm";

    /// <summary>The claims have no <c>htu</c> string.</summary>
    public const string MissingHtu = "missing-htu";

    /// <summary>The claims have no <c>iat</c> number (a NumericDate, RFC 7519 §2).</summary>
    public const string MissingIat = "missing-iat";

    /// <summary>The Ed25519 signature does not verify under the key in the <c>jwk</c> header.</summary>
    public const string BadSignature = "bad-signature";

    /// <summary>The signed <c>htm</c> is not the request's method (RFC 9449 §4.3 item 8).</summary>
    public const string WrongMethod = "wrong-method";

    /// <summary>The signed <c>htu</c> is not the request's URI, ignoring query and fragment (RFC 9449 §4.3 item 9).</summary>
    public const string WrongUri = "wrong-uri";

    /// <summary>The signed <c>iat</c> lies further in the past than the freshness window.</summary>
    public const string StaleProof = "stale-proof";

    /// <summary>The signed <c>iat</c> lies further in the future than the allowed clock skew.</summary>
    public const string FutureProof = "future-proof";

    /// <summary>An access token was presented but the proof has no <c>ath</c> (RFC 9449 §7).</summary>
    public const string MissingAth = "missing-ath";

    /// <summary>The signed <c>ath</c> is not the hash of the access token presented with the proof, or not a string.</summary>
    public const string WrongAth = "wrong-ath";

    /// <summary>The server requires a nonce and the proof has none (RFC 9449 §8).</summary>
    public const string NonceRequired = "nonce-required";

    /// <summary>The signed <c>nonce</c> is not the nonce the server expects, or not a string.</summary>
    public const string WrongNonce = "wrong-nonce";

    /// <summary>The proof's key is not the key the session or token is bound to (its RFC 7638 thumbprint differs).</summary>
    public const string WrongKey = "wrong-key";
}
