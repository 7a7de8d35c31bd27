namespace RealTimeAuth.DevIdp.Connect;

/// <summary>
/// The OpenID Connect endpoints OpenIddict passes through to application code. Discovery
/// (<c>/.well-known/openid-configuration</c>), JWKS (<c>/.well-known/jwks</c>), introspection
/// (<c>/connect/introspect</c>) and revocation (<c>/connect/revoke</c>) are answered by OpenIddict itself.
/// </summary>
public static class ConnectApi
{
    public static IEndpointRouteBuilder MapConnectApi(this IEndpointRouteBuilder endpoints)
    {
        var connect = endpoints.MapGroup("/connect").WithTags("OpenID Connect");

        connect.MapMethods("/authorize", [HttpMethods.Get, HttpMethods.Post], AuthorizationEndpoint.HandleAsync)
            .WithName("Authorize")
            .WithSummary("Authorization endpoint: authorization code with PKCE; sends the browser to the login page when needed.");

        connect.MapPost("/token", TokenEndpoint.HandleAsync)
            .WithName("Token")
            .WithSummary("Token endpoint: authorization_code, refresh_token and client_credentials grants.");

        connect.MapMethods("/userinfo", [HttpMethods.Get, HttpMethods.Post], UserInfoEndpoint.HandleAsync)
            .WithName("UserInfo")
            .WithSummary("UserInfo endpoint: the access token subject's claims allowed by its scopes.");

        connect.MapMethods("/logout", [HttpMethods.Get, HttpMethods.Post], EndSessionEndpoint.HandleAsync)
            .WithName("EndSession")
            .WithSummary("End-session endpoint: signs the user out and returns to the client.");

        return endpoints;
    }
}
