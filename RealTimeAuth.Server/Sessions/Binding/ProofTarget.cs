namespace RealTimeAuth.Server.Sessions.Binding;

/// <summary>
/// The URI a proof's <c>htu</c> must name: the request as this server received it, without query. Behind a proxy that
/// rewrites scheme or host, the forwarded-headers middleware must restore them, or every proof is refused <c>wrong-uri</c>.
/// </summary>
public static class ProofTarget
{
    public static string Of(HttpRequest request) =>
        string.Concat(request.Scheme, "://", request.Host.ToUriComponent(), request.PathBase.ToUriComponent(), request.Path.ToUriComponent());
}
