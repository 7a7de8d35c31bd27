using Microsoft.Extensions.Options;
using RealTimeAuth.Protocol.Binding;
using RealTimeAuth.Protocol.Tokens;
using RealTimeAuth.Server.Sessions;
using RealTimeAuth.Server.Sessions.Binding;

namespace RealTimeAuth.Server.Live;

/// <summary>
/// The proof of possession every use of a live-channel token brings: made with the session's key, over this request's
/// method and URI, with <c>ath</c> of the token sent. A session without a key (created before binding) is refused
/// <c>session-unbound</c> before any proof is read, since a proof would otherwise bind whatever key it carried.
/// </summary>
internal sealed class LiveProofs(ProofVerifier verifier, IOptionsMonitor<BindingOptions> options)
{
    /// <summary>Whether the HTTP authorize wants a server nonce in each proof (RFC 9449 §8).</summary>
    public bool RequireNonce => options.CurrentValue.RequireNonce;

    /// <summary>The nonce to send in <c>DPoP-Nonce</c>.</summary>
    public string CurrentNonce => verifier.CurrentNonce;

    public Task<ProofCheck> CheckAsync(
        SessionState session, string? proof, HttpRequest request, string use, string authorizationHeader, bool requireNonce = false)
    {
        if (session.KeyThumbprint is not { } key)
        {
            return Task.FromResult(verifier.Refuse(use, RtaBindingReasons.SessionUnbound));
        }

        return verifier.VerifyAsync(new ProofRequest
        {
            Proof = proof,
            Method = request.Method,
            Uri = ProofTarget.Of(request),
            Use = use,
            AccessToken = RtaAuthorizationHeader.TryGetToken(authorizationHeader, out var token) ? token.ToString() : null,
            KeyThumbprint = key,
            RequireNonce = requireNonce,
        });
    }

    /// <summary>A refusal decided without a proof, counted with the proof refusals of <paramref name="use"/>.</summary>
    public ProofCheck Refuse(string use, string reason) => verifier.Refuse(use, reason);
}
