using Microsoft.Extensions.Options;
using RealTimeAuth.DevIdp.Options;

namespace RealTimeAuth.DevIdp.SharedSignals;

/// <summary>The transmitter's issuer: <c>DevIdp:Issuer</c> exactly as configured, else the request's base address.</summary>
internal sealed class SsfIssuer(IOptions<DevIdpOptions> options)
{
    public string For(HttpRequest request) =>
        !string.IsNullOrWhiteSpace(options.Value.Issuer)
            ? options.Value.Issuer
            : $"{request.Scheme}://{request.Host}{request.PathBase}/";

    /// <summary>An absolute URL under the issuer's origin and path.</summary>
    public string Url(HttpRequest request, string relative) => For(request).TrimEnd('/') + "/" + relative.TrimStart('/');
}
