using System.Security.Claims;

namespace RealTimeAuth.Server.Exchange.Validation;

/// <summary>
/// The session belongs to the token's user, so the token must name one: <c>sub</c> is required of a JWT access token
/// (RFC 9068 §2.2) and, though optional in RFC 7662 §2.2, of an introspection response too.
/// </summary>
internal static class SubjectRule
{
    /// <summary>
    /// The valid result for the token's user, with the context, IdP client and grantable scopes from its
    /// <paramref name="claims"/>; or the refusal.
    /// The token must also be a user's (<see cref="UserTokenRule"/>).
    /// </summary>
    public static SubjectTokenResult Check(TrustedIssuerOptions issuer, string? subject, string? idpSessionId, IEnumerable<Claim> claims)
    {
        if (string.IsNullOrEmpty(subject))
        {
            return SubjectTokenResult.Invalid(ExchangeRejectionReasons.SubjectMissing, "The subject token has no subject.");
        }

        var list = claims.ToList();
        return UserTokenRule.Check(issuer, subject, list)
            ?? SubjectTokenResult.Valid(issuer.Issuer, subject, UserContextFactory.FromClaims(issuer.Issuer, subject, list), idpSessionId) with
            {
                IdpClient = TokenScopeRule.IdpClient(list),
                GrantableScopes = TokenScopeRule.Grantable(issuer, list),
            };
    }
}
