using System.Security.Claims;

namespace RealTimeAuth.Server.Exchange.Validation;

/// <summary>
/// A session acts for a user, so the subject token must be a user's: a token whose <c>sub</c> is the client it was issued
/// to (<c>azp</c>, <c>client_id</c>; a client-credentials token, RFC 9068 §2.2), or that carries one of the issuer's
/// <see cref="TrustedIssuerOptions.ClientTokenClaims"/>, has no user behind it.
/// </summary>
internal static class UserTokenRule
{
    public static SubjectTokenResult? Check(TrustedIssuerOptions issuer, string? subject, IReadOnlyCollection<Claim> claims)
    {
        var clientNamed = claims.Any(claim => claim.Type is "azp" or "client_id" && string.Equals(claim.Value, subject, StringComparison.Ordinal));
        var marked = issuer.ClientTokenClaims.Any(marker => claims.Any(claim => claim.Type == marker.Key && string.Equals(claim.Value, marker.Value, StringComparison.Ordinal)));
        return clientNamed || marked
            ? SubjectTokenResult.Invalid(ExchangeRejectionReasons.ClientTokenRefused, "The subject token was issued to a client, not to a user.")
            : null;
    }
}
