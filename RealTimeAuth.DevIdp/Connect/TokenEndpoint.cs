using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using RealTimeAuth.DevIdp.Diagnostics;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace RealTimeAuth.DevIdp.Connect;

/// <summary>
/// The token endpoint after OpenIddict has authenticated the client and validated the grant:
/// client credentials get a client principal; code and refresh grants get the user's current
/// claims, and fail if the user has left the directory since.
/// </summary>
internal static class TokenEndpoint
{
    public static async Task<Results<SignInHttpResult, ForbidHttpResult>> HandleAsync(
        HttpContext context, [AsParameters] TokenEndpointServices services)
    {
        var request = context.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenID Connect request cannot be retrieved.");
        var cancellationToken = context.RequestAborted;

        if (request.IsClientCredentialsGrantType())
        {
            var application = await services.Applications.FindByClientIdAsync(request.ClientId!, cancellationToken)
                ?? throw new InvalidOperationException("OpenIddict authenticated a client that is not stored.");
            var displayName = await services.Applications.GetDisplayNameAsync(application, cancellationToken);
            var client = await services.Principals.ForClientAsync(request.ClientId!, displayName, request.GetScopes(), cancellationToken);
            return SignIn(client);
        }

        if (request.IsAuthorizationCodeGrantType() || request.IsRefreshTokenGrantType())
        {
            var granted = (await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)).Principal
                ?? throw new InvalidOperationException("OpenIddict validated a grant without a principal.");
            var subject = granted.GetClaim(Claims.Subject);
            var user = services.Users.FindBySubject(subject);
            if (user is null)
            {
                DevIdpLog.SubjectGone(services.LoggerFactory.CreateLogger(typeof(TokenEndpoint)), subject ?? "(none)");
                return OpenIddictResults.Forbid(Errors.InvalidGrant, "The token is no longer valid.");
            }

            var principal = await services.Principals.ForUserAsync(
                user, granted.GetClaim(DevIdpClaims.SessionId), granted.GetScopes(), cancellationToken);
            return SignIn(principal);
        }

        return OpenIddictResults.Forbid(Errors.UnsupportedGrantType, "The grant type is not supported.");
    }

    private static SignInHttpResult SignIn(ClaimsPrincipal principal) =>
        TypedResults.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
}
