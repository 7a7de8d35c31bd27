using Microsoft.Extensions.Primitives;
using RealTimeAuth.Protocol.Binding;
using RealTimeAuth.Server.Sessions;
using RealTimeAuth.Server.Sessions.Binding;
using RealTimeAuth.Server.Telemetry;

namespace RealTimeAuth.Server.Exchange;

/// <summary>
/// The proofs of possession an exchange needs (RFC 9449 §5): the new session's own proof in <c>DPoP</c>, whose key the
/// session is bound to, and on a delegated exchange the parent's proof in <c>RTA-Parent-DPoP</c>, made with the parent
/// session's key over the parent token. Without the parent's proof a copied parent token delegates nothing.
/// </summary>
internal static class ExchangeProofs
{
    /// <summary>
    /// Checks the new session's proof (no <c>ath</c>, any key); its key thumbprint, or why it was refused. Its
    /// <c>jti</c> joins <paramref name="spent"/>, to be claimed with the request's other one-time values.
    /// </summary>
    public static (string? KeyThumbprint, OAuthErrorResult? Error) CheckSessionProof(
        HttpRequest request, ProofVerifier verifier, ExchangeOneTimeValues spent, RtaServerTelemetry telemetry)
    {
        var header = request.Headers[RtaBindingNames.ProofHeader];
        if (header.Count > 1)
        {
            return (null, Refuse(telemetry, ProofUse.Exchange, DpopRejectionReasons.MalformedProof, parent: false));
        }

        var check = verifier.Validate(new ProofRequest
        {
            Proof = header.ToString(),
            Method = request.Method,
            Uri = ProofTarget.Of(request),
            Use = ProofUse.Exchange,
        });
        if (!check.IsValid)
        {
            return (null, ProofRefusals.Of(check, parent: false));
        }

        spent.AddProof(check, ProofUse.Exchange);
        return (check.KeyThumbprint, null);
    }

    /// <summary>
    /// Checks that the caller holds the parent session's key: a proof by it with <c>ath</c> of the parent token, and a
    /// child key of its own. Null when the delegation may go on; the proof's <c>jti</c> then joins <paramref name="spent"/>.
    /// </summary>
    public static OAuthErrorResult? CheckParentProof(
        HttpRequest request, SessionState parent, string parentToken, string childKeyThumbprint, ProofVerifier verifier,
        ExchangeOneTimeValues spent, RtaServerTelemetry telemetry)
    {
        if (parent.KeyThumbprint is not { } parentKey)
        {
            return OAuthErrorResult.InvalidGrant(RtaBindingReasons.SessionUnbound, "The parent session is not bound to a key; it cannot delegate. Exchange again.");
        }

        var header = request.Headers[RtaBindingNames.ParentProofHeader];
        if (StringValues.IsNullOrEmpty(header))
        {
            Count(telemetry, ProofUse.ParentExchange, RtaBindingReasons.ParentProofMissing);
            return OAuthErrorResult.InvalidDpopProof(
                RtaBindingReasons.ParentProofMissing, $"A delegated exchange needs the parent's proof in {RtaBindingNames.ParentProofHeader}.");
        }

        if (header.Count > 1)
        {
            return Refuse(telemetry, ProofUse.ParentExchange, DpopRejectionReasons.MalformedProof, parent: true);
        }

        // Thumbprints are public, so an ordinary comparison reveals nothing.
        if (childKeyThumbprint == parentKey || parent.KeyChain.Contains(childKeyThumbprint, StringComparer.Ordinal))
        {
            Count(telemetry, ProofUse.Exchange, ExchangeRejectionReasons.ChildKeyReused);
            return OAuthErrorResult.InvalidDpopProof(
                ExchangeRejectionReasons.ChildKeyReused, "The DPoP proof was made with a key of the delegation chain; a child needs a key of its own.");
        }

        var check = verifier.Validate(new ProofRequest
        {
            Proof = header.ToString(),
            Method = request.Method,
            Uri = ProofTarget.Of(request),
            Use = ProofUse.ParentExchange,
            AccessToken = parentToken,
            KeyThumbprint = parentKey,
        });
        if (!check.IsValid)
        {
            return ProofRefusals.Of(check, parent: true);
        }

        spent.AddProof(check, ProofUse.ParentExchange);
        return null;
    }

    private static OAuthErrorResult Refuse(RtaServerTelemetry telemetry, string use, string reason, bool parent)
    {
        Count(telemetry, use, reason);
        return ProofRefusals.Of(ProofCheck.Refused(reason), parent);
    }

    private static void Count(RtaServerTelemetry telemetry, string use, string reason) =>
        telemetry.BindingRefusals.Add(1, new KeyValuePair<string, object?>("use", use), new KeyValuePair<string, object?>("reason", reason));
}
