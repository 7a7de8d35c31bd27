using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using RealTimeAuth.DevIdp.Users;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace RealTimeAuth.DevIdp.Connect;

/// <summary>
/// OpenID Connect Core 1.0 §5.3 userinfo: the access token's subject, with the claims its
/// scopes allow, read fresh from the directory.
/// </summary>
internal static class UserInfoEndpoint
{
    public static async Task<Results<Ok<Dictionary<string, object>>, ChallengeHttpResult>> HandleAsync(
        HttpContext context, DemoUserDirectory users)
    {
        var principal = (await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme)).Principal;
        var user = users.FindBySubject(principal?.GetClaim(Claims.Subject));
        if (principal is null || user is null)
        {
            return OpenIddictResults.Challenge(Errors.InvalidToken, "The access token does not belong to a known user.");
        }

        var claims = new Dictionary<string, object>(StringComparer.Ordinal) { [Claims.Subject] = user.SubjectId };
        if (principal.HasScope(Scopes.Profile))
        {
            claims[Claims.Name] = user.Name;
        }

        if (principal.HasScope(Scopes.Email))
        {
            claims[Claims.Email] = user.Email;
            claims[Claims.EmailVerified] = true;
        }

        if (principal.HasScope(Scopes.Roles))
        {
            claims[Claims.Role] = user.Roles;
        }

        return TypedResults.Ok(claims);
    }
}
