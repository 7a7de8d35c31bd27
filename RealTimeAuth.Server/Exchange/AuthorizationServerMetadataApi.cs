using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using RealTimeAuth.Protocol.Binding;
using RealTimeAuth.Protocol.Exchange;

namespace RealTimeAuth.Server.Exchange;

/// <summary>
/// <c>GET /.well-known/oauth-authorization-server</c> (RFC 8414) describing the token exchange, including the one proof
/// algorithm it takes (RFC 9449 §5.1), so a client knows before its first exchange that its key must be Ed25519.
/// </summary>
public static class AuthorizationServerMetadataApi
{
    public static IEndpointRouteBuilder MapAuthorizationServerMetadataApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/.well-known/oauth-authorization-server", GetMetadata)
            .WithName("AuthorizationServerMetadata")
            .WithSummary("RFC 8414 metadata for the RTA token endpoint")
            .WithTags("OAuth")
            .AllowAnonymous();
        return app;
    }

    internal static Ok<AuthorizationServerMetadata> GetMetadata(HttpRequest request)
    {
        var issuer = $"{request.Scheme}://{request.Host}{request.PathBase}";
        return TypedResults.Ok(new AuthorizationServerMetadata(
            issuer,
            issuer + RtaExchangeNames.TokenEndpointPath,
            [RtaExchangeNames.GrantType],
            ["client_secret_basic", "client_secret_post"],
            [RtaExchangeNames.RtaTokenType],
            [RtaBindingNames.Algorithm]));
    }

    /// <summary>The RFC 8414 members this server uses.</summary>
    public sealed record AuthorizationServerMetadata(
        [property: JsonPropertyName("issuer")] string Issuer,
        [property: JsonPropertyName("token_endpoint")] string TokenEndpoint,
        [property: JsonPropertyName("grant_types_supported")] IReadOnlyList<string> GrantTypesSupported,
        [property: JsonPropertyName("token_endpoint_auth_methods_supported")] IReadOnlyList<string> TokenEndpointAuthMethodsSupported,
        [property: JsonPropertyName("issued_token_types_supported")] IReadOnlyList<string> IssuedTokenTypesSupported,
        [property: JsonPropertyName("dpop_signing_alg_values_supported")] IReadOnlyList<string> DpopSigningAlgValuesSupported);
}
