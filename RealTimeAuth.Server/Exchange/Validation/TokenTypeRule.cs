namespace RealTimeAuth.Server.Exchange.Validation;

/// <summary>
/// RFC 8725 §3.11 (explicit typing): the JOSE <c>typ</c> tells an access token from other JWTs, such as ID tokens.
/// Accepted are <c>at+jwt</c> (RFC 9068 §2.1) and <c>JWT</c>, which IdPs that predate RFC 9068 put on theirs.
/// </summary>
internal static class TokenTypeRule
{
    public static readonly string[] ValidTypes = ["at+jwt", "JWT"];

    public static SubjectTokenResult Refusal() =>
        SubjectTokenResult.Invalid(ExchangeRejectionReasons.NotAccessToken, "The subject token is not an access token.");
}
