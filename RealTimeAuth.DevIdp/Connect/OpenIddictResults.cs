using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http.HttpResults;
using OpenIddict.Server.AspNetCore;

namespace RealTimeAuth.DevIdp.Connect;

/// <summary>OAuth error responses rendered by OpenIddict in the protocol's own shape.</summary>
internal static class OpenIddictResults
{
    public static ForbidHttpResult Forbid(string error, string description) =>
        TypedResults.Forbid(ErrorProperties(error, description), [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);

    public static ChallengeHttpResult Challenge(string error, string description) =>
        TypedResults.Challenge(ErrorProperties(error, description), [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);

    private static AuthenticationProperties ErrorProperties(string error, string description) =>
        new(new Dictionary<string, string?>
        {
            [OpenIddictServerAspNetCoreConstants.Properties.Error] = error,
            [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = description,
        });
}
