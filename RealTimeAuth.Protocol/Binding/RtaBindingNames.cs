namespace RealTimeAuth.Protocol.Binding;

/// <summary>
/// Names on the wire of session binding (RFC 9449 in the shape this project uses). A session is bound to the Ed25519
/// key whose proof came with its exchange; every later use of its RTAToken comes with a fresh proof by that key, or on a
/// stream that such a proof opened. A wire contract: a name is never changed.
/// </summary>
public static class RtaBindingNames
{
    /// <summary>
    /// The proof header (RFC 9449 §4.1): on the exchange (the new session's key, no <c>ath</c>), on the SSE stream and the
    /// HTTP authorize (the session's key, <c>ath</c> of the RTAToken). gRPC carries it as the metadata entry <c>dpop</c>,
    /// which is the same HTTP/2 header.
    /// </summary>
    public const string ProofHeader = "DPoP";

    /// <summary>
    /// On a delegated exchange, the parent's proof of possession: made with the parent session's key over the token
    /// endpoint (<c>POST</c>), with <c>ath</c> of the parent RTAToken sent as <c>subject_token</c>. The child's own key
    /// and proof travel in <see cref="ProofHeader"/>.
    /// </summary>
    public const string ParentProofHeader = "RTA-Parent-DPoP";

    /// <summary>A nonce the server wants in the client's next proof (RFC 9449 §8), on errors and successes alike.</summary>
    public const string NonceHeader = "DPoP-Nonce";

    /// <summary>
    /// The <c>token_type</c> of an exchange response: the RTAToken is bound to a key (RFC 9449 §5). The token is still
    /// sent with the <c>RTA</c> authorization scheme; <c>DPoP</c> is accepted as a synonym.
    /// </summary>
    public const string TokenType = "DPoP";

    /// <summary>
    /// Response metadata of a gRPC <c>Connect</c> that opened a bound stream: a random value naming that stream. A unary
    /// <c>Authorize</c> sent with it in <see cref="StreamBindingMetadata"/> acts on the stream's proof instead of
    /// bringing its own, as long as the stream stays open on the same replica. It is a secret like the token.
    /// </summary>
    public const string StreamBindingMetadata = "rta-stream-binding";

    /// <summary>The <c>WWW-Authenticate</c> scheme of a proof refusal (RFC 9449 §7.1), with <c>algs="EdDSA"</c>.</summary>
    public const string ChallengeScheme = "DPoP";

    /// <summary>The <c>alg</c> of every proof: Ed25519 (RFC 8037).</summary>
    public const string Algorithm = "EdDSA";

    /// <summary>OAuth error codes of RFC 9449.</summary>
    public static class Errors
    {
        /// <summary>The proof is missing or invalid (RFC 9449 §5, §7.1).</summary>
        public const string InvalidDpopProof = "invalid_dpop_proof";

        /// <summary>The server wants a proof carrying the nonce in <see cref="NonceHeader"/> (RFC 9449 §8).</summary>
        public const string UseDpopNonce = "use_dpop_nonce";
    }
}
