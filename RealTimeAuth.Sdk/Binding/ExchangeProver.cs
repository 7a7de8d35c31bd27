using RealTimeAuth.Protocol.Binding;

namespace RealTimeAuth.Sdk.Binding;

/// <summary>
/// The proofs of an exchange: <c>DPoP</c> by the new session's key (no <c>ath</c>: no token is presented), and on a
/// delegated exchange <c>RTA-Parent-DPoP</c> by the parent's key with <c>ath</c> of the parent token sent as
/// <c>subject_token</c>, so a copied parent token alone cannot delegate.
/// </summary>
internal sealed class ExchangeProver(SessionProofs session, SessionProofs? parent, string subjectToken) : IRequestProver
{
    public void Prove(HttpRequestMessage request)
    {
        var uri = request.RequestUri!;
        var method = request.Method.Method;
        request.Headers.Remove(RtaBindingNames.ProofHeader);
        request.Headers.TryAddWithoutValidation(RtaBindingNames.ProofHeader, session.Write(method, uri, accessToken: null));
        if (parent is not null)
        {
            parent.Observe(session.Nonce);
            request.Headers.Remove(RtaBindingNames.ParentProofHeader);
            request.Headers.TryAddWithoutValidation(RtaBindingNames.ParentProofHeader, parent.Write(method, uri, subjectToken));
        }
    }

    public bool Observe(HttpResponseMessage response)
    {
        parent?.Observe(response);
        return session.Observe(response);
    }
}
