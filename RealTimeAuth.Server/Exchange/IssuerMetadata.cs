using System.Collections.Concurrent;
using Duende.IdentityModel.Client;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using RealTimeAuth.Server.Hosting;

namespace RealTimeAuth.Server.Exchange;

/// <summary>
/// The trusted issuers' metadata, read and cached once per issuer: the OpenID configuration (and so the JWKS) for JWT
/// validation, the discovery document (and so the introspection endpoint) for RFC 7662.
/// </summary>
internal sealed class IssuerMetadata(IHttpClientFactory httpClientFactory, IHostEnvironment environment)
{
    public const string HttpClientName = "trusted-issuers";

    private readonly ConcurrentDictionary<string, ConfigurationManager<OpenIdConnectConfiguration>> _configurations = new();
    private readonly ConcurrentDictionary<string, DiscoveryCache> _discovery = new();

    public ConfigurationManager<OpenIdConnectConfiguration> Configuration(TrustedIssuerOptions issuer) =>
        _configurations.GetOrAdd(issuer.Issuer, _ => new ConfigurationManager<OpenIdConnectConfiguration>(
            ConfigurationAddress(issuer),
            new OpenIdConnectConfigurationRetriever(),
            new HttpDocumentRetriever(httpClientFactory.CreateClient(HttpClientName)) { RequireHttps = RequireHttps(issuer) }));

    public DiscoveryCache Discovery(TrustedIssuerOptions issuer) =>
        _discovery.GetOrAdd(issuer.Issuer, _ => new DiscoveryCache(
            (issuer.MetadataAddress ?? issuer.Issuer).TrimEnd('/'),
            () => httpClientFactory.CreateClient(HttpClientName),
            new DiscoveryPolicy { RequireHttps = RequireHttps(issuer), AllowHttpOnLoopback = !RequireHttps(issuer) }));

    /// <summary>
    /// Where the issuer's keys (JWT validation) or its introspection endpoint (opaque tokens) are, from the cached
    /// metadata; the reason instead when the metadata cannot be read.
    /// </summary>
    public async Task<(string? JwksUri, string? IntrospectionEndpoint, string? Error)> EndpointsAsync(TrustedIssuerOptions issuer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(issuer);
        if (issuer.Validation == SubjectTokenValidation.Introspection)
        {
            var discovery = await Discovery(issuer).GetAsync();
            return discovery.IsError ? (null, null, discovery.Error) : (null, discovery.IntrospectionEndpoint, null);
        }

        try
        {
            var configuration = await Configuration(issuer).GetConfigurationAsync(cancellationToken);
            return (configuration.JwksUri, null, null);
        }
        catch (InvalidOperationException exception)
        {
            // The manager wraps every retrieval failure (unreachable, not JSON, HTTPS required) this way.
            return (null, null, exception.Message);
        }
    }

    /// <summary>The refusal when the metadata an issuer's tokens need could not be read: a retry may succeed.</summary>
    public static SubjectTokenResult Unreadable() =>
        SubjectTokenResult.Unavailable(ExchangeRejectionReasons.IssuerMetadataUnavailable, "The subject token's issuer metadata could not be read.");

    // Plain-HTTP metadata is a development convenience only; production always requires HTTPS.
    private bool RequireHttps(TrustedIssuerOptions issuer) => HttpsMetadata.IsRequired(issuer.RequireHttpsMetadata, environment);

    private static string ConfigurationAddress(TrustedIssuerOptions issuer) =>
        (issuer.MetadataAddress ?? issuer.Issuer).TrimEnd('/') + "/.well-known/openid-configuration";
}
