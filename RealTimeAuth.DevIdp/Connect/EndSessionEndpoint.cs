using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using RealTimeAuth.DevIdp.Diagnostics;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace RealTimeAuth.DevIdp.Connect;

/// <summary>
/// OpenID Connect RP-Initiated Logout 1.0: ends the browser session and returns to the client's
/// registered post-logout redirect URI (OpenIddict validates it), or to the home page.
/// </summary>
internal static class EndSessionEndpoint
{
    public static async Task<SignOutHttpResult> HandleAsync(HttpContext context, ILoggerFactory loggerFactory)
    {
        var cookie = await context.AuthenticateAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        if (cookie.Principal?.GetClaim(Claims.Subject) is { } subject)
        {
            DevIdpLog.SignedOut(loggerFactory.CreateLogger(typeof(EndSessionEndpoint)), subject);
        }

        return TypedResults.SignOut(
            new AuthenticationProperties { RedirectUri = "/" },
            [CookieAuthenticationDefaults.AuthenticationScheme, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
    }
}
