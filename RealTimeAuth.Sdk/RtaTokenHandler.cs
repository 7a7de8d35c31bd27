using System.Net;
using System.Net.Http.Headers;
using RealTimeAuth.Protocol.Binding;
using RealTimeAuth.Protocol.Exchange;
using RealTimeAuth.Sdk.Binding;

namespace RealTimeAuth.Sdk;

/// <summary>
/// Attaches <c>Authorization: RTA &lt;current token&gt;</c> and a <c>DPoP</c> proof by the session's key (RFC 9449 §7,
/// for the request's method and URI, <c>ath</c> of the token) to each outgoing request, read at send time so refreshed
/// tokens are used at once. When the server answers 401 with a <c>use_dpop_nonce</c> challenge, the request is sent once
/// more with the server's nonce (§9); the latest <c>DPoP-Nonce</c> of any answer goes into later proofs.
/// </summary>
/// <remarks>
/// The <c>htu</c> is the request URI this handler sees: put it after any handler that rewrites the URI (service
/// discovery), so the URI it signs is the one on the wire.
/// </remarks>
public sealed class RtaTokenHandler : DelegatingHandler
{
    private readonly IRtaProofSource _source;

    /// <param name="tokenSource">An <see cref="RtaClient"/> or <see cref="RtaClientAccessor"/>: the source must hold the session's key.</param>
    /// <exception cref="ArgumentException">The source cannot prove possession of a session key.</exception>
    public RtaTokenHandler(IRtaTokenSource tokenSource)
    {
        _source = ProofSourceOf(tokenSource);
    }

    /// <inheritdoc cref="RtaTokenHandler(IRtaTokenSource)" />
    public RtaTokenHandler(IRtaTokenSource tokenSource, HttpMessageHandler innerHandler)
        : base(innerHandler)
    {
        _source = ProofSourceOf(tokenSource);
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var session = Attach(request);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!AsksForNonce(session, response))
        {
            return response;
        }

        response.Dispose();
        Attach(request, session);
        response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        session.Proofs.Observe(response);
        return response;
    }

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var session = Attach(request);
        var response = base.Send(request, cancellationToken);
        if (!AsksForNonce(session, response))
        {
            return response;
        }

        response.Dispose();
        Attach(request, session);
        response = base.Send(request, cancellationToken);
        session.Proofs.Observe(response);
        return response;
    }

    private static IRtaProofSource ProofSourceOf(IRtaTokenSource tokenSource)
    {
        ArgumentNullException.ThrowIfNull(tokenSource);
        return tokenSource as IRtaProofSource
            ?? throw new ArgumentException(
                $"Sessions are bound to a key: pass the {nameof(RtaClient)} or the {nameof(RtaClientAccessor)} whose key proves each request.",
                nameof(tokenSource));
    }

    // RFC 9449 §9: a resource server's nonce challenge is 401 with WWW-Authenticate: DPoP error="use_dpop_nonce".
    private static bool AsksForNonce(RtaClient session, HttpResponseMessage response) =>
        session.Proofs.Observe(response) && response.StatusCode == HttpStatusCode.Unauthorized && ProofNonce.IsChallenge(response);

    private RtaClient Attach(HttpRequestMessage request)
    {
        var session = _source.Session
            ?? throw new InvalidOperationException("No RealTimeAuth session: connect an RtaClient before sending requests through RtaTokenHandler.");
        Attach(request, session);
        return session;
    }

    private static void Attach(HttpRequestMessage request, RtaClient session)
    {
        var uri = request.RequestUri
            ?? throw new InvalidOperationException("RtaTokenHandler needs an absolute request URI to prove possession of the session key.");
        var token = session.CurrentToken;
        request.Headers.Authorization = new AuthenticationHeaderValue(RtaExchangeNames.TokenScheme, token);
        request.Headers.Remove(RtaBindingNames.ProofHeader);
        request.Headers.TryAddWithoutValidation(RtaBindingNames.ProofHeader, session.Proofs.Write(request.Method.Method, uri, token));
    }
}
