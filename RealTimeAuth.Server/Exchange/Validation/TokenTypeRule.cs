using Microsoft.IdentityModel.JsonWebTokens;

namespace RealTimeAuth.Server.Exchange.Validation;

/// <summary>
/// RFC 8725 §3.11 (explicit typing): the JOSE <c>typ</c> tells an access token from other JWTs, such as ID tokens.
/// Accepted is <c>at+jwt</c> (RFC 9068 §2.1); <c>JWT</c>, which IdPs that predate RFC 9068 put on theirs, only from an
/// issuer configured with <see cref="TrustedIssuerOptions.AllowJwtType"/>.
/// </summary>
internal static class TokenTypeRule
{
    private const string GenericType = "JWT";
    private static readonly string[] AccessTokenTypes = ["at+jwt"];
    private static readonly string[] WithGenericType = ["at+jwt", GenericType];

    public static string[] ValidTypes(TrustedIssuerOptions issuer) => issuer.AllowJwtType ? WithGenericType : AccessTokenTypes;

    /// <summary>The refusal of a token typed <c>JWT</c> when its issuer does not allow that type; null otherwise.</summary>
    public static SubjectTokenResult? CheckGenericType(TrustedIssuerOptions issuer, JsonWebToken token) =>
        !issuer.AllowJwtType && string.Equals(token.Typ, GenericType, StringComparison.OrdinalIgnoreCase)
            ? SubjectTokenResult.Invalid(ExchangeRejectionReasons.JwtTypeNotAllowed, "The subject token is typed JWT, which its issuer may not use.")
            : null;

    public static SubjectTokenResult Refusal() =>
        SubjectTokenResult.Invalid(ExchangeRejectionReasons.NotAccessToken, "The subject token is not an access token.");
}
