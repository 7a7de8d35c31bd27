using OpenIddict.Abstractions;
using RealTimeAuth.DevIdp.Options;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace RealTimeAuth.DevIdp.Data;

/// <summary>Turns a configured client into an OpenIddict application descriptor.</summary>
internal static class ClientDescriptorFactory
{
    /// <summary>The client whose redirect URIs also come from <c>DevIdp:AdminRedirectUris</c>.</summary>
    public const string AdminConsoleClientId = "admin-console";

    private const string SignInCallbackPath = "/signin-oidc";
    private const string SignOutCallbackPath = "/signout-callback-oidc";

    public static OpenIddictApplicationDescriptor Create(string clientId, DevIdpClientOptions client, IEnumerable<string> adminRedirectUris)
    {
        var descriptor = new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientType = client.ClientType,
            ClientSecret = client.ClientType == ClientTypes.Confidential ? client.ClientSecret : null,
            DisplayName = client.DisplayName ?? clientId,
            // Every client here is first-party: consent is implicit.
            ConsentType = ConsentTypes.Implicit,
        };

        var redirectUris = client.RedirectUris.ToList();
        var postLogoutUris = client.PostLogoutRedirectUris.ToList();
        if (clientId == AdminConsoleClientId)
        {
            foreach (var configured in adminRedirectUris)
            {
                var (redirect, postLogout) = AdminCallbacks(configured);
                redirectUris.Add(redirect);
                postLogoutUris.Add(postLogout);
            }
        }

        foreach (var uri in redirectUris.Distinct(StringComparer.Ordinal))
        {
            descriptor.RedirectUris.Add(new Uri(uri, UriKind.Absolute));
        }

        foreach (var uri in postLogoutUris.Distinct(StringComparer.Ordinal))
        {
            descriptor.PostLogoutRedirectUris.Add(new Uri(uri, UriKind.Absolute));
        }

        AddPermissions(descriptor, client);
        return descriptor;
    }

    private static void AddPermissions(OpenIddictApplicationDescriptor descriptor, DevIdpClientOptions client)
    {
        var permissions = descriptor.Permissions;
        foreach (var grantType in client.GrantTypes)
        {
            permissions.Add(Permissions.Endpoints.Token);
            permissions.Add(Permissions.Prefixes.GrantType + grantType);
            if (grantType == GrantTypes.AuthorizationCode)
            {
                permissions.Add(Permissions.Endpoints.Authorization);
                permissions.Add(Permissions.Endpoints.EndSession);
                permissions.Add(Permissions.ResponseTypes.Code);
                // RFC 9700 §2.1.1: PKCE for every code flow client, public or not.
                descriptor.Requirements.Add(Requirements.Features.ProofKeyForCodeExchange);
            }
        }

        // openid needs no permission and offline_access is governed by the refresh_token grant.
        foreach (var scope in client.Scopes.Where(scope => scope is not (Scopes.OpenId or Scopes.OfflineAccess)))
        {
            permissions.Add(Permissions.Prefixes.Scope + scope);
        }

        if (client.AllowIntrospection)
        {
            permissions.Add(Permissions.Endpoints.Introspection);
        }

        if (client.AllowRevocation)
        {
            permissions.Add(Permissions.Endpoints.Revocation);
        }
    }

    private static (string Redirect, string PostLogout) AdminCallbacks(string configured)
    {
        var uri = new Uri(configured, UriKind.Absolute);
        var origin = uri.GetLeftPart(UriPartial.Authority);
        var redirect = uri.AbsolutePath is "" or "/" ? origin + SignInCallbackPath : configured;
        return (redirect, origin + SignOutCallbackPath);
    }
}
