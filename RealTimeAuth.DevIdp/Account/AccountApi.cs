using System.Security.Claims;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.IdentityModel.Tokens;
using RealTimeAuth.DevIdp.Connect;
using RealTimeAuth.DevIdp.Diagnostics;
using RealTimeAuth.DevIdp.Users;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace RealTimeAuth.DevIdp.Account;

/// <summary>
/// The browser side of the IdP: the login page the authorization endpoint sends users to, and a
/// home page. Posting the login form needs the antiforgery token the page carries.
/// </summary>
public static class AccountApi
{
    /// <summary>Path of the login page; the cookie handler's login path.</summary>
    public const string LoginPath = "/account/login";

    private const string HtmlContentType = "text/html; charset=utf-8";
    private const string WrongCredentials = "Wrong e-mail or password.";

    public static IEndpointRouteBuilder MapAccountApi(this IEndpointRouteBuilder endpoints)
    {
        var account = endpoints.MapGroup("/account").WithTags("Account").ExcludeFromDescription();

        account.MapGet("/login", ShowLogin)
            .WithName("ShowLogin")
            .WithSummary("Renders the login form with an antiforgery token.");

        account.MapPost("/login", SubmitLoginAsync)
            .WithName("SubmitLogin")
            .WithSummary("Checks e-mail and password, signs the user in with a cookie and returns to the authorization request.");

        endpoints.MapGet("/", ShowHome)
            .WithName("Home")
            .WithSummary("Says what this service is and where its discovery document lives.")
            .ExcludeFromDescription();

        return endpoints;
    }

    private static ContentHttpResult ShowLogin(HttpContext context, IAntiforgery antiforgery, [FromQuery] string? returnUrl) =>
        TypedResults.Content(
            LoginPage.Render(antiforgery.GetAndStoreTokens(context), LocalUrl.OrHome(returnUrl), username: null, error: null),
            HtmlContentType);

    private static async Task<Results<RedirectHttpResult, ContentHttpResult>> SubmitLoginAsync(
        HttpContext context,
        [FromForm] LoginForm form,
        DemoUserDirectory users,
        IAntiforgery antiforgery,
        ILoggerFactory loggerFactory)
    {
        var logger = loggerFactory.CreateLogger(typeof(AccountApi));
        var returnUrl = LocalUrl.OrHome(form.ReturnUrl);
        var user = users.ValidateCredentials(form.Username, form.Password);
        if (user is null)
        {
            DevIdpLog.SignInFailed(logger);
            // One message for unknown e-mail and wrong password: no hint about who exists.
            return TypedResults.Content(
                LoginPage.Render(antiforgery.GetAndStoreTokens(context), returnUrl, form.Username, WrongCredentials),
                HtmlContentType,
                statusCode: StatusCodes.Status401Unauthorized);
        }

        var identity = new ClaimsIdentity(CookieAuthenticationDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
        identity.AddClaim(new Claim(Claims.Subject, user.SubjectId));
        identity.AddClaim(new Claim(Claims.Name, user.Name));
        identity.AddClaim(new Claim(DevIdpClaims.SessionId, Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(16))));

        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity));
        DevIdpLog.SignedIn(logger, user.SubjectId);
        return TypedResults.LocalRedirect(returnUrl);
    }

    private static ContentHttpResult ShowHome() =>
        TypedResults.Content(
            """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>RealTimeAuth dev IdP</title></head>
            <body>
              <h1>RealTimeAuth development identity provider</h1>
              <p>Stands in for Entra, Okta or Keycloak during development. Never used in production.</p>
              <p><a href="/.well-known/openid-configuration">OpenID Connect discovery document</a></p>
            </body></html>
            """,
            HtmlContentType);
}
