using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace RealTimeAuth.DevIdp.Tests.Infrastructure;

/// <summary>Validates an access token the way a resource server does: against the IdP's JWKS.</summary>
internal static class Jwt
{
    public const string Issuer = "http://localhost/";

    public static async Task<TokenValidationResult> ValidateAccessTokenAsync(
        HttpClient idp, string token, string audience, CancellationToken cancellationToken)
    {
        var jwks = new JsonWebKeySet(await idp.GetStringAsync("/.well-known/jwks", cancellationToken));
        return await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = Issuer,
            ValidAudience = audience,
            IssuerSigningKeys = jwks.GetSigningKeys(),
            ValidTypes = ["at+jwt"],
        });
    }

    public static string[] Values(JsonWebToken token, string claimType) =>
        [.. token.Claims.Where(claim => claim.Type == claimType).Select(claim => claim.Value)];

    public static async Task<JsonElement> IntrospectAsync(
        HttpClient idp, string token, string clientId, string clientSecret, CancellationToken cancellationToken)
    {
        using var response = await idp.PostAsync("/connect/introspect", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["token"] = token,
            ["client_id"] = clientId,
            ["client_secret"] = clientSecret,
        }), cancellationToken);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken);
    }
}
