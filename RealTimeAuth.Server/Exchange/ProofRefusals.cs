using RealTimeAuth.Protocol.Binding;
using RealTimeAuth.Server.Sessions.Binding;

namespace RealTimeAuth.Server.Exchange;

/// <summary>
/// The OAuth error of a refused proof on the token endpoint: <c>invalid_dpop_proof</c> (RFC 9449 §5) with the proof's own
/// reason code, or <c>temporarily_unavailable</c> when the replay cache could not answer. The code is the same for the
/// new session's proof and the parent's; the description says which proof it was, and the <c>use</c> tag of
/// <c>rta.binding.refusals</c> tells them apart.
/// </summary>
internal static class ProofRefusals
{
    public static OAuthErrorResult Of(ProofCheck check, bool parent)
    {
        var reason = check.Reason!;
        var proof = parent ? "The parent proof (RTA-Parent-DPoP)" : "The DPoP proof";
        if (check.IsUnavailable)
        {
            return OAuthErrorResult.TemporarilyUnavailable(reason, $"{proof} could not be checked for replay; retry shortly with a new proof.");
        }

        return OAuthErrorResult.InvalidDpopProof(reason, $"{proof} {Describe(reason, parent)}");
    }

    private static string Describe(string reason, bool parent) => reason switch
    {
        DpopRejectionReasons.ProofMissing => "is missing.",
        DpopRejectionReasons.ProofTooLarge => "is too large.",
        DpopRejectionReasons.MalformedProof => "is not a single well-formed compact JWS.",
        DpopRejectionReasons.WrongType => "does not have typ dpop+jwt.",
        DpopRejectionReasons.UnsupportedAlgorithm => $"is not signed with {RtaBindingNames.Algorithm}.",
        DpopRejectionReasons.MalformedJwk => "does not carry an Ed25519 public JWK.",
        DpopRejectionReasons.PrivateKeyInJwk => "carries a private key; that key must no longer be used.",
        DpopRejectionReasons.MissingJti => "has no jti.",
        DpopRejectionReasons.MissingHtm => "has no htm.",
        DpopRejectionReasons.MissingHtu => "has no htu.",
        DpopRejectionReasons.MissingIat => "has no iat.",
        DpopRejectionReasons.BadSignature => "has a signature that does not verify.",
        DpopRejectionReasons.WrongMethod => "names another HTTP method.",
        DpopRejectionReasons.WrongUri => "names another URI than the token endpoint.",
        DpopRejectionReasons.StaleProof => "is too old.",
        DpopRejectionReasons.FutureProof => "is dated in the future.",
        DpopRejectionReasons.MissingAth => "has no ath for the parent RTAToken.",
        DpopRejectionReasons.WrongAth => "has an ath that is not the hash of the parent RTAToken.",
        DpopRejectionReasons.NonceRequired or DpopRejectionReasons.WrongNonce => "does not carry the expected nonce.",
        DpopRejectionReasons.WrongKey => parent ? "was not made with the parent session's key." : "was not made with the expected key.",
        RtaBindingReasons.ReplayedProof => "was already used; make a new proof for every request.",
        _ => "was refused.",
    };
}
