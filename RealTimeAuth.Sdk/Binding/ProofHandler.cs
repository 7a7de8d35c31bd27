namespace RealTimeAuth.Sdk.Binding;

/// <summary>
/// Writes proofs at the innermost position of the SDK's HTTP handlers, where the request URI is the one on the wire:
/// a service-discovery handler further out (Aspire's <c>https+http://server</c>) has already resolved it, and the
/// server compares <c>htu</c> with the URI it received. A request names its prover in <see cref="Prover"/> (exchanges),
/// or in the <see cref="SessionMetadata"/> header (gRPC calls, whose options the SDK cannot reach), which is removed here.
/// </summary>
internal sealed class ProofHandler(ProofRegistry registry) : DelegatingHandler
{
    /// <summary>gRPC metadata naming the session (its <see cref="SessionProofs.Handle"/>) whose key proves the call.</summary>
    public const string SessionMetadata = "rta-sdk-session";

    public static readonly HttpRequestOptionsKey<IRequestProver> Prover = new("RealTimeAuth.Sdk.Prover");

    /// <summary>Puts a proof handler innermost in <paramref name="handler"/>'s chain of delegating handlers; returns the chain's outer handler.</summary>
    public static HttpMessageHandler Insert(HttpMessageHandler handler, ProofRegistry registry)
    {
        var last = handler as DelegatingHandler;
        while (last?.InnerHandler is DelegatingHandler next)
        {
            last = next;
        }

        if (last?.InnerHandler is null)
        {
            return new ProofHandler(registry) { InnerHandler = handler };
        }

        last.InnerHandler = new ProofHandler(registry) { InnerHandler = last.InnerHandler };
        return handler;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var prover = Prove(request);
        var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        prover?.Observe(response);
        return response;
    }

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var prover = Prove(request);
        var response = base.Send(request, cancellationToken);
        prover?.Observe(response);
        return response;
    }

    private IRequestProver? Prove(HttpRequestMessage request)
    {
        IRequestProver? prover = null;
        if (request.Headers.TryGetValues(SessionMetadata, out var handles))
        {
            request.Headers.Remove(SessionMetadata);

            // A session disposed meanwhile sends no proof, and the server refuses the call.
            prover = handles.FirstOrDefault() is { } handle ? registry.Find(handle) : null;
        }
        else if (request.Options.TryGetValue(Prover, out var option))
        {
            prover = option;
        }

        prover?.Prove(request);
        return prover;
    }
}
