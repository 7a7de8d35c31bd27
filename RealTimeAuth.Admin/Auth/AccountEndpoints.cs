using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Http.HttpResults;

namespace RealTimeAuth.Admin.Auth;

/// <summary><c>/account/login</c> and <c>/account/logout</c>: start an OpenID Connect sign-in, or end both sessions.</summary>
public static class AccountEndpoints
{
    public static IEndpointRouteBuilder MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        var account = app.MapGroup("/account");
        account.MapGet("/login", Login).AllowAnonymous().WithName("Login");
        account.MapPost("/logout", Logout).RequireAuthorization().DisableAntiforgery().WithName("Logout");
        return app;
    }

    internal static ChallengeHttpResult Login(string? returnUrl) =>
        TypedResults.Challenge(new AuthenticationProperties { RedirectUri = LocalOrRoot(returnUrl) }, [OpenIdConnectDefaults.AuthenticationScheme]);

    internal static SignOutHttpResult Logout() =>
        TypedResults.SignOut(new AuthenticationProperties { RedirectUri = "/" },
            [CookieAuthenticationDefaults.AuthenticationScheme, OpenIdConnectDefaults.AuthenticationScheme]);

    private static string LocalOrRoot(string? returnUrl) => LocalReturnUrl.IsLocal(returnUrl) ? returnUrl! : "/";
}
