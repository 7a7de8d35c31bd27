using System.Security.Claims;

namespace RealTimeAuth.Server.Exchange.Validation;

/// <summary>
/// RFC 7519 §4.1.3: a token whose <c>aud</c> does not name this server (the issuer's configured audience) is refused.
/// The JWT handler checks a JWT's; <see cref="CheckIntrospected"/> checks an introspection response's (RFC 7662 §2.2).
/// </summary>
internal static class AudienceRule
{
    public static SubjectTokenResult? CheckIntrospected(TrustedIssuerOptions issuer, IEnumerable<Claim> claims) =>
        claims.Any(claim => claim.Type == "aud" && claim.Value == issuer.Audience) ? null : Refusal();

    public static SubjectTokenResult Refusal() =>
        SubjectTokenResult.Invalid(ExchangeRejectionReasons.WrongAudience, "The subject token was issued for another audience.");
}
