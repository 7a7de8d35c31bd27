using System.Security.Claims;

namespace RealTimeAuth.Server.Exchange.Validation;

/// <summary>
/// What a user's token lets the exchange grant: the token's scopes (<c>scope</c>, space-separated, RFC 9068 §2.2.3; or
/// Entra's <c>scp</c>), each granting the RTA scope of its own name and those the issuer's <see cref="TrustedIssuerOptions.ScopeMap"/>
/// gives it. A token with no scope claim bounds nothing (null): the client's registration alone does.
/// </summary>
internal static class TokenScopeRule
{
    public static IReadOnlySet<string>? Grantable(TrustedIssuerOptions issuer, IEnumerable<Claim> claims)
    {
        var tokenScopes = claims
            .Where(claim => claim.Type is "scope" or "scp")
            .SelectMany(claim => claim.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .ToList();
        if (tokenScopes.Count == 0)
        {
            return null;
        }

        var grantable = new HashSet<string>(tokenScopes, StringComparer.Ordinal);
        foreach (var scope in tokenScopes)
        {
            if (issuer.ScopeMap.TryGetValue(scope, out var mapped))
            {
                grantable.UnionWith(mapped);
            }
        }

        return grantable;
    }

    /// <summary>The IdP client the token was issued to: <c>azp</c> (OIDC), else <c>client_id</c> (RFC 9068 §2.2).</summary>
    public static string? IdpClient(IEnumerable<Claim> claims)
    {
        var list = claims as IReadOnlyCollection<Claim> ?? [.. claims];
        return list.FirstOrDefault(claim => claim.Type == "azp")?.Value ?? list.FirstOrDefault(claim => claim.Type == "client_id")?.Value;
    }
}
