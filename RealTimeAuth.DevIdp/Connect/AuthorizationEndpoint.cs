using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using RealTimeAuth.DevIdp.Users;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace RealTimeAuth.DevIdp.Connect;

/// <summary>
/// The authorization endpoint after OpenIddict has validated the request (client, redirect URI,
/// PKCE, scopes): sends the browser to the login page when nobody is signed in, otherwise issues
/// the code. Consent is implicit: every client of this IdP is first-party.
/// </summary>
internal static class AuthorizationEndpoint
{
    public static async Task<Results<SignInHttpResult, ChallengeHttpResult, ForbidHttpResult>> HandleAsync(
        HttpContext context, DemoUserDirectory users, TokenPrincipalFactory principals)
    {
        var request = context.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("The OpenID Connect request cannot be retrieved.");

        var cookie = await context.AuthenticateAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        var user = cookie.Succeeded ? users.FindBySubject(cookie.Principal.GetClaim(Claims.Subject)) : null;

        if (user is null || request.HasPromptValue(PromptValues.Login))
        {
            // OpenID Connect Core 1.0 §3.1.2.6: prompt=none must not show a login page.
            if (request.HasPromptValue(PromptValues.None))
            {
                return OpenIddictResults.Forbid(Errors.LoginRequired, "The user is not signed in.");
            }

            return TypedResults.Challenge(
                new AuthenticationProperties { RedirectUri = ReturnUrlWithoutPromptLogin(context) },
                [CookieAuthenticationDefaults.AuthenticationScheme]);
        }

        var principal = await principals.ForUserAsync(
            user, cookie.Principal!.GetClaim(DevIdpClaims.SessionId), request.GetScopes(), context.RequestAborted);
        return TypedResults.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    // After the login page the browser comes back here; without prompt=login, or it would loop.
    private static string ReturnUrlWithoutPromptLogin(HttpContext context)
    {
        var parameters = context.Request.HasFormContentType
            ? context.Request.Form.Select(pair => KeyValuePair.Create(pair.Key, pair.Value))
            : context.Request.Query.Select(pair => KeyValuePair.Create(pair.Key, pair.Value));

        var query = new QueryBuilder(parameters.Where(pair => pair.Key != Parameters.Prompt));
        return context.Request.PathBase + context.Request.Path + query.ToQueryString();
    }
}
