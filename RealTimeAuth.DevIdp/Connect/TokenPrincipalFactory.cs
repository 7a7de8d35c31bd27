using System.Collections.Immutable;
using System.Security.Claims;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using RealTimeAuth.DevIdp.Users;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace RealTimeAuth.DevIdp.Connect;

/// <summary>
/// Builds the principal OpenIddict turns into tokens: claims, scopes, resources (audiences) and
/// each claim's destinations. Access tokens always carry <c>email</c>, <c>email_verified</c> (the dev IdP is the
/// source of truth for its demo users' addresses) and <c>role</c>, because the RTA server decides on them; identity
/// tokens only for the matching scope.
/// </summary>
internal sealed class TokenPrincipalFactory(IOpenIddictScopeManager scopeManager)
{
    private static readonly string[] AccessOnly = [Destinations.AccessToken];
    private static readonly string[] AccessAndIdentity = [Destinations.AccessToken, Destinations.IdentityToken];

    public async Task<ClaimsPrincipal> ForUserAsync(
        DemoUser user, string? sessionId, ImmutableArray<string> scopes, CancellationToken cancellationToken)
    {
        var identity = NewIdentity();
        identity.SetClaim(Claims.Subject, user.SubjectId)
            .SetClaim(Claims.Email, user.Email)
            .SetClaim(Claims.EmailVerified, true)
            .SetClaim(Claims.Name, user.Name)
            .SetClaims(Claims.Role, [.. user.Roles]);
        if (!string.IsNullOrEmpty(sessionId))
        {
            identity.SetClaim(DevIdpClaims.SessionId, sessionId);
        }

        await SetScopesAndResourcesAsync(identity, scopes, cancellationToken);
        identity.SetDestinations(claim => UserDestinations(claim, scopes));
        return new ClaimsPrincipal(identity);
    }

    public async Task<ClaimsPrincipal> ForClientAsync(
        string clientId, string? displayName, ImmutableArray<string> scopes, CancellationToken cancellationToken)
    {
        var identity = NewIdentity();
        identity.SetClaim(Claims.Subject, clientId)
            .SetClaim(Claims.Name, displayName ?? clientId);

        await SetScopesAndResourcesAsync(identity, scopes, cancellationToken);
        identity.SetDestinations(_ => AccessOnly);
        return new ClaimsPrincipal(identity);
    }

    private static ClaimsIdentity NewIdentity() =>
        new(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);

    private async Task SetScopesAndResourcesAsync(
        ClaimsIdentity identity, ImmutableArray<string> scopes, CancellationToken cancellationToken)
    {
        identity.SetScopes(scopes);

        // RFC 9068 §2.2: aud names the resource servers the granted scopes belong to.
        var resources = new List<string>();
        await foreach (var resource in scopeManager.ListResourcesAsync(scopes, cancellationToken))
        {
            resources.Add(resource);
        }

        identity.SetResources(resources);
    }

    private static string[] UserDestinations(Claim claim, ImmutableArray<string> scopes) => claim.Type switch
    {
        Claims.Subject or DevIdpClaims.SessionId => AccessAndIdentity,
        Claims.Name when scopes.Contains(Scopes.Profile) => AccessAndIdentity,
        Claims.Email or Claims.EmailVerified when scopes.Contains(Scopes.Email) => AccessAndIdentity,
        Claims.Role when scopes.Contains(Scopes.Roles) => AccessAndIdentity,
        _ => AccessOnly,
    };
}
