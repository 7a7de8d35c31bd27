using Microsoft.IdentityModel.Tokens;

namespace RealTimeAuth.Server.Exchange.Validation;

/// <summary>
/// Names why the JWT handler refused a subject token: each exception it reports is the refusal of one rule. Metadata
/// or keys that could not be fetched are the issuer's trouble, answered as unavailable so the client retries.
/// </summary>
internal static class JwtFailureRule
{
    public static SubjectTokenResult Check(Exception? exception) => exception switch
    {
        { InnerException: HttpRequestException or InvalidOperationException } => IssuerMetadata.Unreadable(),
        SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException =>
            SubjectTokenResult.Invalid(ExchangeRejectionReasons.BadSignature, "The subject token is invalid."),
        SecurityTokenExpiredException or SecurityTokenInvalidLifetimeException => LifetimeRule.Refusal(),
        SecurityTokenInvalidAudienceException => AudienceRule.Refusal(),
        SecurityTokenInvalidIssuerException => TrustedIssuerRule.Refusal(),
        SecurityTokenInvalidTypeException => TokenTypeRule.Refusal(),
        _ => SubjectTokenResult.Invalid(ExchangeRejectionReasons.TokenInvalid, "The subject token is invalid."),
    };
}
