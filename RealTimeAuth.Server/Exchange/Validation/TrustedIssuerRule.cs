using Microsoft.IdentityModel.JsonWebTokens;

namespace RealTimeAuth.Server.Exchange.Validation;

/// <summary>
/// The subject token comes from one of the configured issuers: a JWT by its <c>iss</c> (RFC 7519 §4.1.1), an opaque
/// token only when a single introspecting issuer could have made it. Issuers compare exactly, but for a trailing slash.
/// </summary>
internal static class TrustedIssuerRule
{
    private static readonly JsonWebTokenHandler Handler = new();

    public static (TrustedIssuerOptions? Issuer, SubjectTokenResult? Rejection) Find(string token, IReadOnlyList<TrustedIssuerOptions> issuers)
    {
        var issuer = Issuer(token, issuers);
        return issuer is null ? (null, Refusal()) : (issuer, null);
    }

    /// <summary>RFC 7662 §2.2: an introspection response's <c>iss</c>, when present, names the issuer that was asked.</summary>
    public static SubjectTokenResult? CheckIntrospected(TrustedIssuerOptions issuer, string? iss) =>
        iss is not null && !Same(issuer.Issuer, iss) ? Refusal() : null;

    /// <summary>The issuer as a JWT may spell it, with and without the trailing slash.</summary>
    public static string[] Variants(string issuer) => [issuer.TrimEnd('/'), issuer.TrimEnd('/') + "/"];

    public static bool Same(string trusted, string presented) =>
        string.Equals(trusted.TrimEnd('/'), presented.TrimEnd('/'), StringComparison.Ordinal);

    private static TrustedIssuerOptions? Issuer(string token, IReadOnlyList<TrustedIssuerOptions> issuers)
    {
        if (Handler.CanReadToken(token))
        {
            try
            {
                var issuer = new JsonWebToken(token).Issuer;
                return issuers.FirstOrDefault(trusted => Same(trusted.Issuer, issuer));
            }
            catch (ArgumentException)
            {
                return null;
            }
        }

        // An opaque token names no issuer: only a single introspecting issuer can be asked.
        var introspecting = issuers.Where(trusted => trusted.Validation == SubjectTokenValidation.Introspection).ToList();
        return introspecting.Count == 1 ? introspecting[0] : null;
    }

    public static SubjectTokenResult Refusal() =>
        SubjectTokenResult.Invalid(ExchangeRejectionReasons.UntrustedIssuer, "The subject token is not from a trusted issuer.");
}
