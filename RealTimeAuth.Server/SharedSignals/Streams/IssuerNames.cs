namespace RealTimeAuth.Server.SharedSignals.Streams;

/// <summary>
/// Issuer comparison for the users a stream speaks for. Sessions store the issuer as configured for the exchange,
/// which may differ from a subject identifier's <c>iss</c> by a trailing slash only.
/// </summary>
internal static class IssuerNames
{
    public static string Canonical(string issuer) => issuer.TrimEnd('/');

    /// <summary>Both spellings, for matching stored values.</summary>
    public static string[] Variants(string issuer) => [Canonical(issuer), Canonical(issuer) + "/"];
}
